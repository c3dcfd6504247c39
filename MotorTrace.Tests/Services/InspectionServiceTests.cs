using System.Net;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Files;
using MotorTrace.Web.Services.Workshop;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteInspectionServiceTests(SqliteFactory app) : InspectionServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresInspectionServiceTests(PostgresFactory app) : InspectionServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// Inspections on <see cref="InspectionService"/> (template copy, item by item, tyres, photos once) and the attachment rules
/// of <see cref="AttachmentStore"/> and the file endpoints (signature not name, size, outside wwwroot, the right dealer only).
/// </summary>
public abstract class InspectionServiceTests(MotorTraceFactory app)
{
    /// <summary>A real 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    private static void Ok<T>(ServiceResult<T> result) => Assert.True(result.Succeeded, string.Join(" | ", result.Result.Errors));

    private Task<Guid> TemplateIdAsync(Guid dealerId) =>
        app.WithDbAsync(db => db.InspectionTemplates.IgnoreQueryFilters().Where(t => t.DealerId == dealerId && t.IsActive).Select(t => t.Id).FirstAsync());

    private async Task<(WorkshopScenario Shop, Guid WorkOrder, Guid Inspection)> StartedAsync()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (workOrder, _) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.TechnicianId);
        var template = await TemplateIdAsync(shop.DealerId);
        var started = await app.AsUserAsync<InspectionService, ServiceResult<Guid>>(WorkshopScenario.Technician,
            s => s.StartAsync(workOrder, template, Guid.NewGuid()));
        Ok(started);
        return (shop, workOrder, started.Value);
    }

    [DatabaseFact]
    public async Task Starting_from_the_template_copies_its_items_with_what_fixes_them_and_the_tyre_rows()
    {
        var (shop, workOrder, inspectionId) = await StartedAsync();

        var template = await app.WithDbAsync(db => db.InspectionTemplates.IgnoreQueryFilters().AsNoTracking().Include(t => t.Items)
            .FirstAsync(t => t.DealerId == shop.DealerId && t.IsActive));
        var inspection = await app.WithDbAsync(db => db.WorkOrderInspections.AsNoTracking().Include(i => i.Items).Include(i => i.TyreChecks)
            .SingleAsync(i => i.Id == inspectionId));
        Assert.Equal((workOrder, template.Name, InspectionStatus.InProgress), (inspection.WorkOrderId, inspection.TemplateName, inspection.Status));
        Assert.Equal(
            template.Items.OrderBy(i => i.Sequence).Select(i => (i.Section, i.Name, i.CannedServiceId, i.LaborCatalogId)),
            inspection.Items.OrderBy(i => i.Sequence).Select(i => (i.Section!, i.Name, i.CannedServiceId, i.LaborCatalogId)));
        Assert.Contains(inspection.Items, i => i.Name == "Front brake pads" && i.CannedServiceId != null);
        Assert.Contains(inspection.Items, i => i.Name == "Wipers and washers" && i.LaborCatalogId != null);
        Assert.Equal(Enum.GetValues<TyrePosition>().Order(), inspection.TyreChecks.Select(t => t.Position).Order());
        Assert.All(inspection.Items, i => Assert.Equal(InspectionCondition.NotChecked, i.Condition));
    }

    [DatabaseFact]
    public async Task Each_item_is_saved_the_moment_it_is_tapped_and_the_inspection_completes_once_all_are_checked()
    {
        var (_, _, inspectionId) = await StartedAsync();
        var items = await app.WithDbAsync(db => db.WorkOrderInspectionItems.Where(i => i.InspectionId == inspectionId).OrderBy(i => i.Sequence).Select(i => i.Id).ToListAsync());

        Ok(await app.AsUserAsync<InspectionService, ServiceResult<Guid>>(WorkshopScenario.Technician,
            s => s.SaveItemAsync(items[0], InspectionCondition.Red, " Pads at 2 mm ", Guid.NewGuid())));

        // Saved on its own: the next item is untouched, the first is red with its notes, who and when.
        var saved = await app.WithDbAsync(db => db.WorkOrderInspectionItems.AsNoTracking().Where(i => i.InspectionId == inspectionId).OrderBy(i => i.Sequence).ToListAsync());
        Assert.Equal((InspectionCondition.Red, "Pads at 2 mm"), (saved[0].Condition, saved[0].Notes));
        Assert.NotNull(saved[0].CheckedAt);
        Assert.Equal(InspectionCondition.NotChecked, saved[1].Condition);

        var early = await app.AsUserAsync<InspectionService, ServiceResult<Guid>>(WorkshopScenario.Technician, s => s.CompleteAsync(inspectionId, Guid.NewGuid()));
        Assert.Contains($"{items.Count - 1} items are not checked yet", string.Join(" ", early.Result.Errors.Select(e => e.Message)));

        foreach (var item in items.Skip(1))
            Ok(await app.AsUserAsync<InspectionService, ServiceResult<Guid>>(WorkshopScenario.Technician,
                s => s.SaveItemAsync(item, InspectionCondition.Green, null, Guid.NewGuid())));
        Ok(await app.AsUserAsync<InspectionService, ServiceResult<Guid>>(WorkshopScenario.Technician, s => s.CompleteAsync(inspectionId, Guid.NewGuid())));
        var after = await app.AsUserAsync<InspectionService, ServiceResult<Guid>>(WorkshopScenario.Technician,
            s => s.SaveItemAsync(items[0], InspectionCondition.Green, null, Guid.NewGuid()));
        Assert.Contains("inspection is complete", string.Join(" ", after.Result.Errors.Select(e => e.Message)));
    }

    [DatabaseTheory]
    [InlineData(null, "205/55 R16", 95, 5, "PressurePsi", "between 10 and 80 psi")]
    [InlineData(null, "205/55 R16", 32, 25, "TreadDepthMm", "between 0 and 20 mm")]
    [InlineData(null, "big one", 32, 5, "Size", "e.g. 205/55 R16")]
    public async Task A_tyre_reading_out_of_range_is_refused_at_its_field_and_nothing_is_saved(string? brand, string size, int pressure, int tread, string field, string message)
    {
        var (_, _, inspectionId) = await StartedAsync();
        var form = new TyreForm { Position = TyrePosition.FrontLeft, Brand = brand, Size = size, PressurePsi = pressure, TreadDepthMm = tread };

        var result = await app.AsUserAsync<InspectionService, ServiceResult<Guid>>(WorkshopScenario.Technician, s => s.SaveTyreAsync(inspectionId, form, Guid.NewGuid()));

        Assert.Contains(result.Result.Errors, e => e.Field == field && e.Message.Contains(message));
        var tyre = await app.WithDbAsync(db => db.WorkOrderTyreChecks.AsNoTracking().SingleAsync(t => t.InspectionId == inspectionId && t.Position == TyrePosition.FrontLeft));
        Assert.Null(tyre.PressurePsi);
    }

    [DatabaseFact]
    public async Task A_valid_tyre_reading_is_saved_with_a_condition_from_its_tread()
    {
        var (_, _, inspectionId) = await StartedAsync();
        var form = new TyreForm { Position = TyrePosition.RearRight, Brand = "MRF", Size = "205/55 r16", PressurePsi = 32.5m, TreadDepthMm = 1.4m };

        Ok(await app.AsUserAsync<InspectionService, ServiceResult<Guid>>(WorkshopScenario.Technician, s => s.SaveTyreAsync(inspectionId, form, Guid.NewGuid())));

        var tyre = await app.WithDbAsync(db => db.WorkOrderTyreChecks.AsNoTracking().SingleAsync(t => t.InspectionId == inspectionId && t.Position == TyrePosition.RearRight));
        Assert.Equal(("MRF", "205/55 R16", 32.5m, 1.4m, InspectionCondition.Red), (tyre.Brand, tyre.Size, tyre.PressurePsi, tyre.TreadDepthMm, tyre.Condition));
    }

    [DatabaseFact]
    public async Task A_repeated_photo_tap_files_one_photo_stored_outside_wwwroot_and_served_only_to_the_dealers_readers()
    {
        var (shop, workOrder, inspectionId) = await StartedAsync();
        var item = await app.WithDbAsync(db => db.WorkOrderInspectionItems.Where(i => i.InspectionId == inspectionId).OrderBy(i => i.Sequence).Select(i => i.Id).FirstAsync());
        var tap = Guid.NewGuid();
        var folder = Path.Combine(app.DataFolder, "attachments", shop.DealerId.ToString("N"));
        var filesBefore = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

        var first = await app.AsUserAsync<InspectionService, ServiceResult<Guid>>(WorkshopScenario.Technician,
            s => s.AddPhotoAsync(inspectionId, item, new MemoryStream(Png), "IMG_0001.png", tap));
        var repeat = await app.AsUserAsync<InspectionService, ServiceResult<Guid>>(WorkshopScenario.Technician,
            s => s.AddPhotoAsync(inspectionId, item, new MemoryStream(Png), "IMG_0001.png", tap));

        Ok(first);
        Assert.Equal(first.Value, repeat.Value);
        var photo = Assert.Single(await app.WithDbAsync(db => db.WorkOrderInspectionAttachments.AsNoTracking().Where(a => a.InspectionId == inspectionId).ToListAsync()));
        Assert.Equal((item, "IMG_0001.png", "image/png"), (photo.ItemId, photo.FileName, photo.FileType));
        // On disk under the data folder (not wwwroot), under a generated name, written once for the two taps.
        var file = Path.Combine(app.DataFolder, photo.FileUrl);
        Assert.True(File.Exists(file), file);
        Assert.DoesNotContain("wwwroot", Path.GetFullPath(file));
        Assert.DoesNotContain("IMG_0001", photo.FileUrl);
        Assert.Equal(filesBefore + 1, Directory.GetFiles(Path.GetDirectoryName(file)!).Length);

        var url = WorkOrderAttachmentService.PhotoUrlOf(workOrder, photo.Id);
        using var own = await (await app.UserAsync(WorkshopScenario.Technician)).Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/png", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("inline", own.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(Png, await own.Content.ReadAsByteArrayAsync());
        foreach (var stranger in new[] { WorkshopScenario.OtherDealerManager, "customer@d1.motortrace.test" })
        {
            using var refused = await (await app.UserAsync(stranger)).Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        using var anonymous = await app.NewBrowser().Client.GetAsync(url);
        Assert.Contains("/account/login", anonymous.Headers.Location?.ToString());
    }

    [DatabaseFact]
    public async Task A_file_is_known_by_its_bytes_not_its_name_and_the_size_limit_holds()
    {
        var (shop, workOrder, inspectionId) = await StartedAsync();
        Task<ServiceResult<Guid>> UploadAsync(byte[] bytes, string name) => app.AsUserAsync<WorkOrderAttachmentService, ServiceResult<Guid>>(WorkshopScenario.Advisor,
            s => s.UploadAsync(workOrder, new MemoryStream(bytes), name, AttachmentCategory.Photo, null, Guid.NewGuid()));

        var exe = await UploadAsync(Exe, "photo.jpg");
        var pdfCalledJpg = await app.AsUserAsync<InspectionService, ServiceResult<Guid>>(WorkshopScenario.Technician,
            s => s.AddPhotoAsync(inspectionId, null, new MemoryStream(Pdf), "brakes.jpg", Guid.NewGuid()));
        await LimitAsync(shop.DealerId, 1);
        var big = await UploadAsync([.. Png, .. new byte[1024 * 1024]], "big.png");
        await LimitAsync(shop.DealerId, 10);
        var pdf = await UploadAsync(Pdf, "invoice.png");

        Assert.Contains(exe.Result.Errors, e => e.Field == "File" && e.Message.Contains("not one of the accepted kinds"));
        Assert.Contains(pdfCalledJpg.Result.Errors, e => e.Field == "File" && e.Message.Contains("not one of the accepted kinds")); // a photo must be an image
        Assert.Contains(big.Result.Errors, e => e.Field == "File" && e.Message.Contains("larger than 1 MB"));
        Ok(pdf);
        var stored = Assert.Single(await app.WithDbAsync(db => db.WorkOrderAttachments.AsNoTracking().Where(a => a.WorkOrderId == workOrder).ToListAsync()));
        Assert.Equal(("invoice.pdf", "application/pdf"), (stored.FileName, stored.FileType));

        using var response = await (await app.UserAsync(WorkshopScenario.Technician)).Client.GetAsync(WorkOrderAttachmentService.UrlOf(workOrder, stored.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString());
        using var otherDealer = await (await app.UserAsync(WorkshopScenario.OtherDealerManager)).Client.GetAsync(WorkOrderAttachmentService.UrlOf(workOrder, stored.Id));
        Assert.Equal(HttpStatusCode.NotFound, otherDealer.StatusCode);
    }

    /// <summary>Sets the dealer's attachment size limit, creating its settings row when the demo has none.</summary>
    private Task LimitAsync(Guid dealerId, int megabytes) => app.WithDbAsync(async db =>
    {
        var settings = await db.DealerSettings.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.DealerId == dealerId);
        if (settings is null) db.DealerSettings.Add(settings = new MotorTrace.Data.Entities.Network.DealerSettings { DealerId = dealerId });
        settings.AttachmentMaxMegabytes = megabytes;
        await db.SaveChangesAsync();
    });

    [DatabaseFact]
    public async Task A_demo_inspection_without_a_template_still_opens_with_its_items()
    {
        var dealerId = await app.WithDbAsync(db => db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.Id).SingleAsync());
        var demo = await app.WithDbAsync(db => db.WorkOrderInspections.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.DealerId == dealerId && i.TemplateName != "Multi-point inspection" && i.Items.Count > 0).Select(i => new { i.Id, i.WorkOrderId, Items = i.Items.Count }).FirstAsync());

        var view = await app.AsUserAsync<InspectionService, InspectionView?>(WorkshopScenario.Manager, s => s.GetAsync(demo.Id));

        Assert.Equal(demo.Items, view!.Items.Count);
        Assert.Null(await app.AsUserAsync<InspectionService, InspectionView?>(WorkshopScenario.OtherDealerManager, s => s.GetAsync(demo.Id)));
    }
}
