using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using MotorTrace.Web.Hosting;

namespace MotorTrace.Web.Services.Email;

public enum EmailMode
{
    /// <summary>Each message becomes an .eml file under the data folder's mail/ (Development).</summary>
    File,
    Smtp,
}

public sealed class EmailOptions
{
    public const string Section = "Email";
    public EmailMode Mode { get; set; } = EmailMode.Smtp;
    [Required] public string From { get; set; } = "MotorTrace <no-reply@motortrace.test>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpSsl { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
}

/// <summary>The one way MotorTrace sends email.</summary>
public sealed class EmailSender(IOptions<EmailOptions> options, IConfiguration configuration, IHostEnvironment environment, ILogger<EmailSender> logger)
{
    public async Task SendAsync(string to, string subject, string htmlBody)
    {
        var settings = options.Value;
        using var message = new MailMessage { Subject = subject, Body = htmlBody, IsBodyHtml = true, From = new MailAddress(settings.From) };
        message.To.Add(to);

        if (settings.Mode == EmailMode.File)
        {
            var folder = Path.Combine(MotorTraceOptions.ResolveDataFolder(configuration, environment), "mail");
            Directory.CreateDirectory(folder);
            using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
            await client.SendMailAsync(message);
            logger.LogInformation("Email to {To} ('{Subject}') written to {Folder}", to, subject, folder);
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
            throw new InvalidOperationException("Setting 'Email:SmtpHost' is missing: MotorTrace cannot send email.");
        using var smtp = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpSsl };
        if (!string.IsNullOrEmpty(settings.SmtpUser))
            smtp.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        await smtp.SendMailAsync(message);
    }
}
