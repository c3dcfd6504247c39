using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The base of bUnit tests of MotorTrace components: MudBlazor's services, loose JS interop (MudBlazor calls JS we do not
/// assert on), an interactive server renderer, and the popover, dialog and snackbar providers a page's layout gives it.
/// MudBlazor's popover service is only async-disposable, which xunit 2 reaches through <see cref="IAsyncLifetime"/>.
/// </summary>
public abstract class MudComponentTest : BunitContext, IAsyncLifetime
{
    protected MudComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private bool _interactive;

    /// <summary>
    /// An interactive server renderer, set just before the first render: setting it builds the service provider, so a
    /// test class adds its services in its constructor first.
    /// </summary>
    protected void UseInteractiveServerRenderer()
    {
        if (_interactive) return;
        SetRendererInfo(new RendererInfo("Server", true));
        _interactive = true;
    }

    /// <summary>Renders the providers first, as MainLayout does, so dialogs, menus and snackbars open.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        UseInteractiveServerRenderer();
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return parameters is null ? Render<TComponent>() : Render<TComponent>(parameters);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
