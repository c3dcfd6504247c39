using System.Collections.Immutable;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.Integration.Infrastructure;
using static MotorTrace.Tests.Integration.Outcome;

namespace MotorTrace.Tests.Integration;

/// <summary>What a visitor gets from a route.</summary>
public enum Outcome
{
    /// <summary>GET answers 200; a POST goes through (2xx, or a redirect that is not to login or access denied).</summary>
    Allow,

    /// <summary>Signed in but refused: 302 to /account/access-denied, or 403.</summary>
    Deny,

    /// <summary>Anonymous: 302 to /account/login.</summary>
    Login,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>
    /// The record stays invisible: 404 (tenancy: another dealer's id answers like a missing id), or Deny when
    /// the visitor's role may not open such pages at all (authorization runs before the record is looked up).
    /// </summary>
    Hidden,
}

/// <summary>Who asks: nobody, or one of the demo sign-ins.</summary>
public sealed record Visitor(string Key, string? Role, UserType? Type, int? Dealer)
{
    public const string AnonymousKey = "anonymous";

    public static readonly Visitor Anonymous = new(AnonymousKey, null, null, null);

    public static IReadOnlyList<Visitor> All { get; } =
        [Anonymous, .. DemoSeeder.SignIns.Select(s => new Visitor(s.Email, s.Role, s.Type, s.Dealer))];

    public bool IsAnonymous => Role is null;

    public static Visitor Find(string key) => All.Single(v => v.Key == key);
}

/// <summary>
/// One row of the matrix: a route and what each visitor gets. Rules apply in order and the last one that
/// matches a visitor wins, so a row reads "everyone signed in is denied, except Admin". A visitor no rule
/// matches is not tried on that route.
/// </summary>
public sealed record RouteRule(string Method, string Path)
{
    private ImmutableList<(Func<Visitor, bool> Applies, Outcome Outcome)> Rules { get; init; } = [];

    /// <summary>Form fields of a POST (placeholders allowed); the antiforgery token is added.</summary>
    public ImmutableDictionary<string, string> Form { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The page arrives with another branch: until its page is in the build, the row is skipped.</summary>
    public string? ArrivesWith { get; init; }

    /// <summary>Sent as htmx sends it (<c>HX-Request: true</c>): fragment endpoints send other requests to their page.</summary>
    public bool Htmx { get; init; }

    public string Key => $"{Method} {Path}";

    public Outcome? ExpectedFor(Visitor visitor) =>
        Rules.LastOrDefault(r => r.Applies(visitor)) is { Applies: not null } rule ? rule.Outcome : null;

    public RouteRule When(Func<Visitor, bool> applies, Outcome outcome) => this with { Rules = Rules.Add((applies, outcome)) };
    public RouteRule Everyone(Outcome outcome) => When(_ => true, outcome);
    public RouteRule Anonymous(Outcome outcome) => When(v => v.IsAnonymous, outcome);
    public RouteRule SignedIn(Outcome outcome) => When(v => !v.IsAnonymous, outcome);
    public RouteRule Role(string role, Outcome outcome) => When(v => v.Role == role, outcome);
    public RouteRule UserType(UserType type, Outcome outcome) => When(v => v.Type == type, outcome);
    public RouteRule OfDealer(int dealer, Outcome outcome) => When(v => v.Type != Data.Entities.Identity.UserType.Manufacturer && v.Dealer == dealer, outcome);
    public RouteRule User(string email, Outcome outcome) => When(v => v.Key == email, outcome);

    /// <summary>Admin pages: <c>[Authorize(Policy = Policies.Admin)]</c>.</summary>
    public RouteRule AdminOnly(Outcome forAdmin = Allow) => Anonymous(Login).SignedIn(Deny).Role(Roles.Admin, forAdmin);

    public RouteRule Arrives(string with) => this with { ArrivesWith = with };
    public RouteRule AsHtmx() => this with { Htmx = true };
    public RouteRule WithForm(string name, string value) => this with { Form = Form.SetItem(name, value) };
}

/// <summary>
/// Who may open what: every route of the app, tried as anonymous and as every demo sign-in. A feature that
/// adds a page or an endpoint adds its rows here (<c>Every_route_of_the_app_has_a_row_in_the_matrix</c>
/// fails until it does). Ids in paths are placeholders filled from the demo data, see <see cref="DemoIds"/>.
/// </summary>
public static class AuthorizationMatrix
{
    private const string WorkshopFeatures = "the workshop features";

    private static RouteRule Get(string path) => new("GET", path);
    private static RouteRule Post(string path) => new("POST", path);

    public static IReadOnlyList<RouteRule> Rows { get; } =
    [
        // The shell.
        Get("/").Anonymous(Login).SignedIn(Allow),
        Get("/notifications").Anonymous(Login).SignedIn(Allow),
        // Only manufacturer users pick a dealer; "all" leaves the shared test browsers as they were.
        Post("/account/dealer").WithForm("dealer", "all").Anonymous(Login).SignedIn(Deny).UserType(UserType.Manufacturer, Allow),

        // Account pages and the health check are open to everyone.
        Get("/account/login").Everyone(Allow),
        Get("/account/access-denied").Everyone(Allow),
        Get("/account/forgot-password").Everyone(Allow),
        Get("/account/reset-password").Everyone(Allow),
        Get("/healthz").Everyone(Allow),
        Get("/not-found").Everyone(Allow),
        Get("/no-such-page").Everyone(NotFound),

        // Administration.
        Get("/admin/users").AdminOnly(),
        Get("/admin/users/new").AdminOnly(),
        Get("/admin/users/{user:advisor@d1.motortrace.test}").AdminOnly(),
        Get("/admin/users/{missing}").AdminOnly(NotFound),
        Get("/admin/dealers").AdminOnly(),
        Get("/admin/dealers/new").AdminOnly(),
        Get("/admin/dealers/{dealer1}").AdminOnly(),
        Get("/admin/dealers/{missing}").AdminOnly(NotFound),
        Get("/admin/permissions").AdminOnly(),
        Get("/admin/sessions").AdminOnly(),
        Get("/admin/permissions/active-users").AdminOnly(),
        Get("/admin/permissions/module-statistics").AdminOnly(),
        Get("/admin/sessions/logins").AdminOnly(),
        Get("/admin/audit").AdminOnly(),
        Get("/admin/audit/{missing}").AdminOnly(NotFound),

        // Customers (issue 3): CustomersRead reads, CustomersWrite creates and edits; another dealer's customer answers 404.
        Get("/customers").Anonymous(Login).SignedIn(Deny).When(IsCustomerReader, Allow),
        Get("/customers/export.xlsx").Anonymous(Login).SignedIn(Deny).When(IsCustomerReader, Allow),
        Get("/vehicles").Anonymous(Login).SignedIn(Deny).When(IsCustomerReader, Allow),
        Get("/vehicles/export.xlsx").Anonymous(Login).SignedIn(Deny).When(IsCustomerReader, Allow),
        Get("/customers/new").Anonymous(Login).SignedIn(Deny).When(IsCustomerWriter, Allow),
        RecordRoute(Get("/customers/{Customer@dealer1}"), IsCustomerReader, dealer: 1),
        RecordRoute(Get("/customers/{Customer@dealer2}?tab=invoices"), IsCustomerReader, dealer: 2),
        RecordRoute(Get("/customers/{Customer@dealer1}/edit"), IsCustomerWriter, dealer: 1),
        RecordRoute(Get("/customers/{Customer@dealer2}/edit"), IsCustomerWriter, dealer: 2),
        Get("/customers/{missing}").Anonymous(Login).SignedIn(Deny).When(IsCustomerReader, NotFound),
        Get("/customers/{missing}/edit").Anonymous(Login).SignedIn(Deny).When(IsCustomerWriter, NotFound),

        // Vehicles (issue 3): readers are CustomersRead, changes CustomersWrite; another dealer's vehicle answers 404.
        RecordRoute(Get("/vehicles/{Vehicle@dealer1}"), IsCustomerReader, dealer: 1),
        RecordRoute(Get("/vehicles/{Vehicle@dealer1}/mileage"), IsCustomerReader, dealer: 1),
        RecordRoute(Get("/vehicles/{Vehicle@dealer2}/history"), IsCustomerReader, dealer: 2),
        RecordRoute(Get("/vehicles/{Vehicle@dealer1}?tab=mileage"), IsCustomerReader, dealer: 1),
        RecordRoute(Get("/vehicles/{Vehicle@dealer1}/edit"), IsCustomerWriter, dealer: 1),
        RecordRoute(Get("/vehicles/new?customerId={Customer@dealer1}"), IsCustomerWriter, dealer: 1),
        // Without a customer (or with a missing one) there is nothing to add a vehicle to.
        Get("/vehicles/new").Anonymous(Login).SignedIn(Deny).When(IsCustomerWriter, NotFound),
        Get("/vehicles/{missing}").Anonymous(Login).SignedIn(Deny).When(IsCustomerReader, NotFound),
        Get("/vehicles/{missing}/ownership").Anonymous(Login).SignedIn(Deny).When(IsCustomerReader, NotFound),
        // Catalogue: every member of staff reads it (CatalogRead), managers and admins change it (CatalogEdit).
        .. CatalogRows(),

        // Appointments: the calendar for AppointmentsRead, booking and changes for AppointmentsWrite.
        Get("/appointments").Anonymous(Login).SignedIn(Deny).When(IsAppointmentReader, Allow),
        // A calendar is one dealer's: in "All dealers" there is none to export.
        Get("/appointments/export.xlsx").Anonymous(Login).SignedIn(Deny).When(IsAppointmentReader, Allow)
            .When(v => IsAppointmentReader(v) && v.Type == UserType.Manufacturer, NotFound),
        Get("/appointments/new").Anonymous(Login).SignedIn(Deny).When(IsCustomerWriter, Allow),
        RecordRoute(Get("/appointments/{Appointment@dealer1}"), IsAppointmentReader, dealer: 1),
        Get("/appointments/{missing}/edit").Anonymous(Login).SignedIn(Deny).When(IsCustomerWriter, NotFound),
        Get("/appointments/{missing}/check-in").Anonymous(Login).SignedIn(Deny).When(IsCustomerWriter, NotFound),
        RecordRoute(Get("/appointments/{Appointment@dealer2}/edit"), IsCustomerWriter, dealer: 2),
        RecordRoute(Get("/appointments/{Appointment@dealer2}/check-in"), IsCustomerWriter, dealer: 2),
        RecordRoute(Get("/workorders/{WorkOrder@dealer1}"), IsWorkOrderReader, dealer: 1),
        Get("/workorders/{missing}").Anonymous(Login).SignedIn(Deny).When(IsWorkOrderReader, NotFound),
        // Work orders (issue 10): the list, board and its Excel export for WorkOrdersRead; opening and editing for WorkOrdersWrite.
        Get("/workorders").Anonymous(Login).SignedIn(Deny).When(IsWorkOrderReader, Allow),
        Get("/workorders?view=board&queue=warranty").Anonymous(Login).SignedIn(Deny).When(IsWorkOrderReader, Allow),
        Get("/workorders/export.xlsx").Anonymous(Login).SignedIn(Deny).When(IsWorkOrderReader, Allow),
        Get("/workorders/new").Anonymous(Login).SignedIn(Deny).When(IsWorkOrderWriter, Allow),
        RecordRoute(Get("/workorders/{WorkOrder@dealer1}/edit"), IsWorkOrderWriter, dealer: 1),
        RecordRoute(Get("/workorders/{WorkOrder@dealer2}/edit"), IsWorkOrderWriter, dealer: 2),
        Get("/workorders/{missing}/edit").Anonymous(Login).SignedIn(Deny).When(IsWorkOrderWriter, NotFound),

        // Invoices, payments and receivables (issue 12): FinanceRead reads them and their exports; an invoice of one dealer answers
        // 404 to the other dealer's finance readers. Taking money (FinanceWrite) happens inside the circuit: InvoiceServiceTests.
        Get("/invoices").Anonymous(Login).SignedIn(Deny).When(IsFinanceReader, Allow),
        Get("/invoices?status=open&overdue=yes&payer=customer").Anonymous(Login).SignedIn(Deny).When(IsFinanceReader, Allow),
        Get("/invoices/export.xlsx").Anonymous(Login).SignedIn(Deny).When(IsFinanceReader, Allow),
        // Reports: the pages for anyone who may open a report; each report answers 404 to a role it is not for.
        Get("/reports").Anonymous(Login).SignedIn(Deny).When(IsReportReader, Allow),
        Get("/reports/{text:sales}").Anonymous(Login).SignedIn(Deny).When(IsReportReader, NotFound).When(IsManager, Allow),
        Get("/reports/{text:technicians}").Anonymous(Login).SignedIn(Deny).When(IsReportReader, NotFound).When(IsManager, Allow),
        Get("/reports/{text:inventory}").Anonymous(Login).SignedIn(Deny).When(IsReportReader, NotFound).When(IsInventoryWriter, Allow),
        Get("/reports/{text:warranty}").Anonymous(Login).SignedIn(Deny).When(IsReportReader, NotFound).When(v => IsManager(v) || v.Role == Roles.WarrantyManager, Allow),
        Get("/reports/{text:payroll}").Anonymous(Login).SignedIn(Deny).When(IsReportReader, NotFound),
        Get("/reports/{text:sales}/xlsx").Anonymous(Login).SignedIn(Deny).When(IsReportReader, NotFound).When(IsManager, Allow),
        Get("/reports/{text:inventory}/xlsx").Anonymous(Login).SignedIn(Deny).When(IsReportReader, NotFound).When(IsInventoryWriter, Allow),
        Get("/reports/{text:payroll}/xlsx").Anonymous(Login).SignedIn(Deny).When(IsReportReader, NotFound),
        Get("/invoices/receivables").Anonymous(Login).SignedIn(Deny).When(IsFinanceReader, Allow),
        Get("/invoices/receivables/export.xlsx").Anonymous(Login).SignedIn(Deny).When(IsFinanceReader, Allow),
        Get("/payments").Anonymous(Login).SignedIn(Deny).When(IsFinanceReader, Allow),
        Get("/payments/export.xlsx").Anonymous(Login).SignedIn(Deny).When(IsFinanceReader, Allow),
        RecordRoute(Get("/invoices/{Invoice@dealer1}"), IsFinanceReader, dealer: 1),
        RecordRoute(Get("/invoices/{Invoice@dealer2}"), IsFinanceReader, dealer: 2),
        Get("/invoices/{missing}").Anonymous(Login).SignedIn(Deny).When(IsFinanceReader, NotFound),

        // The technician's tablet (Workshop policy): a job opens for its technician, their dealer's managers and the manufacturer;
        // another technician's or dealer's job answers 404.
        Get("/workshop").Anonymous(Login).SignedIn(Deny).When(IsWorkshop, Allow),
        Get("/workshop?view=efficiency").Anonymous(Login).SignedIn(Deny).When(IsWorkshop, Allow),
        WorkshopJob("/workshop/jobs/{job:tech@d1.motortrace.test}", dealer: 1, technician: "tech@d1.motortrace.test"),
        WorkshopJob("/workshop/jobs/{job:tech@d2.motortrace.test}", dealer: 2, technician: "tech@d2.motortrace.test"),
        Get("/workshop/jobs/{missing}").Anonymous(Login).SignedIn(Deny).When(IsWorkshop, NotFound),
        // A work order's files: anyone signed in who may not see them gets 404, as for a missing file (WorkOrderFileEndpoints).
        Get("/workorders/{WorkOrder@dealer1}/attachments/{missing}").Anonymous(Login).SignedIn(NotFound),
        Get("/workorders/{WorkOrder@dealer1}/inspection-photos/{missing}").Anonymous(Login).SignedIn(NotFound),

        // PDF documents (issue 12, DocumentEndpoints): FinanceRead for invoices, receipts and statements, WorkOrdersRead for the
        // estimate; another dealer's record answers 404. The portal's copy of an invoice is for its own customer only.
        RecordRoute(Get("/invoices/{Invoice@dealer1}/pdf"), IsFinanceReader, dealer: 1),
        RecordRoute(Get("/invoices/{Invoice@dealer2}/pdf"), IsFinanceReader, dealer: 2),
        Get("/invoices/{missing}/pdf").Anonymous(Login).SignedIn(Deny).When(IsFinanceReader, NotFound),
        RecordRoute(Get("/payments/{Payment@dealer1}/receipt.pdf"), IsFinanceReader, dealer: 1),
        RecordRoute(Get("/payments/{Payment@dealer2}/receipt.pdf"), IsFinanceReader, dealer: 2),
        RecordRoute(Get("/customers/{Customer@dealer1}/statement.pdf"), IsFinanceReader, dealer: 1),
        RecordRoute(Get("/customers/{Customer@dealer2}/statement.pdf"), IsFinanceReader, dealer: 2),
        RecordRoute(Get("/workorders/{WorkOrder@dealer1}/estimate.pdf"), IsWorkOrderReader, dealer: 1),
        RecordRoute(Get("/workorders/{WorkOrder@dealer2}/estimate.pdf"), IsWorkOrderReader, dealer: 2),
        Get("/portal/invoices/{invoice:customer@d1.motortrace.test}/pdf").Anonymous(Login).SignedIn(Deny).User("customer@d1.motortrace.test", Allow),
        Get("/portal/invoices/{Invoice@dealer2}/pdf").Anonymous(Login).SignedIn(Deny).Role(Roles.Customer, NotFound),
        Get("/portal/invoices/{missing}/pdf").Anonymous(Login).SignedIn(Deny).Role(Roles.Customer, NotFound),

        // Parts and stock (issue 11): InventoryRead reads the lists, items, receipts, the reorder list and their exports; InventoryWrite
        // creates items and books deliveries; another dealer's item answers 404.
        Get("/inventory").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, Allow),
        Get("/inventory?stock=reorder&category={missing}&q=brake").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, Allow),
        Get("/inventory/export.xlsx").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, Allow),
        Get("/inventory/items/new").Anonymous(Login).SignedIn(Deny).When(IsInventoryWriter, Allow),
        RecordRoute(Get("/inventory/items/{InventoryItem@dealer1}"), IsInventoryReader, dealer: 1),
        RecordRoute(Get("/inventory/items/{InventoryItem@dealer2}"), IsInventoryReader, dealer: 2),
        Get("/inventory/items/{missing}").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, NotFound),
        Get("/inventory/receipts").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, Allow),
        Get("/inventory/receipts/new").Anonymous(Login).SignedIn(Deny).When(IsInventoryWriter, Allow),
        Get("/inventory/receipts/{missing}").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, NotFound),
        Get("/inventory/reorder").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, Allow),
        Get("/inventory/reorder/export.xlsx").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, Allow),
        Get("/inventory/valuation").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, Allow),
        Get("/inventory/valuation?days=30").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, Allow),
        // Stock-takes: InventoryRead reads the sheets, InventoryWrite starts one (the demo seeds none, so a sheet's 404 for another
        // dealer is proven in StockTakeServiceTests).
        Get("/inventory/stocktakes").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, Allow),
        Get("/inventory/stocktakes?status=posted&q=ST-").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, Allow),
        Get("/inventory/stocktakes/new").Anonymous(Login).SignedIn(Deny).When(IsInventoryWriter, Allow),
        Get("/inventory/stocktakes/{missing}").Anonymous(Login).SignedIn(Deny).When(IsInventoryReader, NotFound),

        // The dealer's own settings: its managers (and Admin).
        Get("/settings").Anonymous(Login).SignedIn(Deny).When(IsManager, Allow),

        // Tenancy: a dealer-2 record never shows to dealer 1's people (DESIGN.md, "Tenancy"). The features
        // that build these pages add the rows for dealer 2's own people and the manufacturer.
        .. DealerTwoRecord("/vehicles/{Vehicle@dealer2}"),
        .. DealerTwoRecord("/vehicles/{Vehicle@dealer2}/edit"),
        .. DealerTwoRecord("/surveys/{Survey@dealer2}"),
        .. DealerTwoRecord("/portal/vehicles/{Vehicle@dealer2}"),
    ];

    private static bool IsCustomerReader(Visitor v) => v.Role is Roles.Admin or Roles.Manager or Roles.ServiceAdvisor or Roles.WarrantyManager;

    private static bool IsStaff(Visitor v) => v.Role is not null and not Roles.Customer;

    /// <summary>FinanceRead: invoices, payments, receivables and their PDFs.</summary>
    private static bool IsFinanceReader(Visitor v) => v.Role is Roles.Admin or Roles.Manager or Roles.ServiceAdvisor or Roles.WarrantyManager;

    private static bool IsManager(Visitor v) => v.Role is Roles.Admin or Roles.Manager;

    /// <summary>Whoever may open at least one report (ReportCatalog): the Reports policy.</summary>
    private static bool IsReportReader(Visitor v) => v.Role is Roles.Admin or Roles.Manager or Roles.InventoryManager or Roles.WarrantyManager;

    private static bool IsAppointmentReader(Visitor v) => IsCustomerReader(v) || v.Role == Roles.Technician;

    /// <summary>WorkOrdersRead: the calendar's readers and the inventory manager, who issues parts to work orders.</summary>
    private static bool IsWorkOrderReader(Visitor v) => IsAppointmentReader(v) || v.Role == Roles.InventoryManager;


    /// <summary>InventoryRead: the parts store, managers, and the front desk, who look stock up.</summary>
    private static bool IsInventoryReader(Visitor v) => v.Role is Roles.Admin or Roles.Manager or Roles.InventoryManager or Roles.ServiceAdvisor;

    /// <summary>InventoryWrite: the parts store and managers.</summary>
    private static bool IsInventoryWriter(Visitor v) => v.Role is Roles.Admin or Roles.Manager or Roles.InventoryManager;

    private static bool IsWorkshop(Visitor v) => v.Role is Roles.Admin or Roles.Manager or Roles.Technician;

    /// <summary>A job of one technician: theirs, their dealer's managers' and the manufacturer's; 404 for other workshop people.</summary>
    private static RouteRule WorkshopJob(string path, int dealer, string technician) => Get(path)
        .Anonymous(Login).SignedIn(Deny)
        .When(IsWorkshop, NotFound)
        .When(v => IsWorkshop(v) && (v.Type == UserType.Manufacturer || (v.Dealer == dealer && (v.Role != Roles.Technician || v.Key == technician))), Allow);

    private static bool IsCustomerWriter(Visitor v) => v.Role is Roles.Admin or Roles.Manager or Roles.ServiceAdvisor;

    /// <summary>WorkOrdersWrite: the front desk and managers.</summary>
    private static bool IsWorkOrderWriter(Visitor v) => IsCustomerWriter(v);

    /// <summary>
    /// A route of one dealer's record: allowed to that dealer's people of the policy and to manufacturer users (the
    /// matrix's browsers look at all dealers), 404 for the other dealer's, refused for everyone else.
    /// </summary>
    private static RouteRule RecordRoute(RouteRule row, Func<Visitor, bool> policy, int dealer) => row
        .Anonymous(Login).SignedIn(Deny)
        .When(policy, NotFound)
        .When(v => policy(v) && (v.Type == UserType.Manufacturer || v.Dealer == dealer), Allow);
    private static bool IsCatalogEditor(Visitor v) => v.Role is Roles.Admin or Roles.Manager;

    private static bool IsOfOtherDealerThan(Visitor v, int dealer) => v.Type == Data.Entities.Identity.UserType.Dealer && v.Dealer != dealer;

    /// <summary>A catalogue page: staff read, customers are denied.</summary>
    private static RouteRule CatalogRead(RouteRule row) => row.Anonymous(Login).SignedIn(Deny).When(IsStaff, Allow);

    /// <summary>A catalogue page or post only managers may use.</summary>
    private static RouteRule CatalogEdit(RouteRule row) => row.Anonymous(Login).SignedIn(Deny).When(IsCatalogEditor, Allow);

    /// <summary>
    /// The catalogue's routes. Record pages are read by every member of staff of the record's dealer and by the
    /// manufacturer ("All dealers"); another dealer's people get 404. Steps and part categories change inside the
    /// circuit (no endpoints): CatalogServiceTests prove who may change them.
    /// </summary>
    private static RouteRule[] CatalogRows()
    {
        RouteRule[] rows =
        [
            CatalogRead(Get("/catalog/services")),
            CatalogRead(Get("/catalog/labor")),
            CatalogEdit(Get("/catalog/services/new")),
            CatalogEdit(Get("/catalog/labor/new")),
            CatalogRead(Get("/catalog/inspections")),
            // One page edits and creates; it admits every reader, and "new" answers 404 to those who may not create.
            CatalogRead(Get("/catalog/inspections/new")).When(v => IsStaff(v) && !IsCatalogEditor(v), NotFound),
            CatalogRead(Get("/catalog/inspections/{missing}")).When(IsStaff, NotFound),
            CatalogRead(Get("/catalog/services/{missing}")).When(IsStaff, NotFound),
            CatalogRead(Get("/catalog/labor/{missing}")).When(IsStaff, NotFound),
        ];
        RouteRule[] records =
        [
            CatalogRead(Get("/catalog/services/{CannedService@dealer2}")),
            CatalogRead(Get("/catalog/labor/{LaborCatalog@dealer2}")),
            CatalogRead(Get("/catalog/inspections/{InspectionTemplate@dealer2}")),
        ];
        return
        [
            .. rows,
            .. records.Select(r => r.When(v => IsStaff(v) && IsOfOtherDealerThan(v, 2), NotFound)),
        ];
    }

    private static RouteRule[] DealerTwoRecord(string path) =>
        [Get(path).Anonymous(Login).OfDealer(1, Hidden).Arrives(WorkshopFeatures)];

    /// <summary>Routes the matrix leaves to other tests, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> Elsewhere { get; } = new Dictionary<string, string>
    {
        ["POST /account/logout"] = "signs the visitor out; SignInTests cover it",
        ["GET /error"] = "the exception handler's page, which answers 500 by design",
        ["GET /vehicles/{Id:guid}/{Tab}"] = "the vehicle page's tabs: the rows above open /mileage, /history and /ownership of it",
        ["GET /account/dealer"] = "a redirect that sets the dealer cookie; TenancyTests cover who may switch",
        ["GET /_blazor"] = "Blazor's circuit hub: the components it runs carry their own authorization",
        ["GET /_blazor/negotiate"] = "Blazor's circuit hub",
        ["GET /_blazor/disconnect/"] = "Blazor's circuit hub",
        ["GET /_blazor/initializers/"] = "Blazor's JavaScript initializers",
    };

    public static RouteRule Find(string key) => Rows.Single(r => r.Key == key);

    /// <summary>(route, visitor, expected outcome) for every visitor a row has an expectation for.</summary>
    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var row in Rows)
                foreach (var visitor in Visitor.All)
                    if (row.ExpectedFor(visitor) is { } outcome)
                        data.Add(row.Key, visitor.Key, outcome.ToString());
            return data;
        }
    }

    /// <summary>Why a row cannot run in this build, or null.</summary>
    public static string? SkipReason(string key)
    {
        var row = Rows.SingleOrDefault(r => r.Key == key);
        return row?.ArrivesWith is { } with && !AppRoutes.HasPage(row.Path)
            ? $"{row.Path} arrives with {with}: no such page in this build yet"
            : null;
    }
}
