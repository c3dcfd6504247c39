// The little MotorTrace needs from JavaScript, called by Blazor components through IJSRuntime.
window.motorTrace = {
    // Light or dark, remembered for a year so the first paint of the next visit is already right (ThemePreference).
    rememberTheme(value) {
        document.cookie = `MotorTrace.Theme=${value}; path=/; max-age=31536000; samesite=lax`;
    },
};
