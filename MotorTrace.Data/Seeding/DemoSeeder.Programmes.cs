using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Programmes;

namespace MotorTrace.Data.Seeding;

/// <summary>Each dealer's part in the manufacturer's programmes, and the notifications and sign-ins of its demo users.</summary>
public sealed partial class DemoSeeder
{
    private sealed record SurveyQuestion(string Section, string Question, int Weight);

    private static readonly Dictionary<SurveyKind, SurveyQuestion[]> SurveyTemplates = new()
    {
        [SurveyKind.Workshop] =
        [
            new("Reception and booking", "Appointment available within 48 hours", 1),
            new("Reception and booking", "Vehicle checked in with the customer present", 1),
            new("Reception and booking", "Estimate explained and approved before work starts", 2),
            new("Workshop", "Bays and equipment clean and calibrated", 1),
            new("Workshop", "Special tools available per the manufacturer's list", 2),
            new("Workshop", "Repeat repairs below 2% of jobs", 2),
            new("Delivery", "Car delivered at the promised time", 2),
            new("Delivery", "Invoice explained line by line", 1),
            new("Delivery", "Follow-up call within three days", 1),
        ],
        [SurveyKind.Warranty] =
        [
            new("Claims", "Claims submitted within 30 days of repair", 2),
            new("Claims", "Claim rejection rate below 3%", 2),
            new("Claims", "Replaced parts tagged and kept for audit", 1),
            new("Process", "Warranty policy training up to date", 1),
            new("Process", "Goodwill requests documented with photos", 1),
        ],
        [SurveyKind.Technical] =
        [
            new("Skills", "Technicians certified at level 2 or higher", 2),
            new("Skills", "High-voltage trained staff on every shift", 1),
            new("Equipment", "ODIS diagnostic licence current", 2),
            new("Equipment", "Wheel aligner calibrated in the last 12 months", 1),
            new("Quality", "First-time fix rate above 95%", 2),
            new("Quality", "Technical service bulletins applied on every visit", 1),
        ],
    };

    private async Task SeedProgrammesAsync(DealerSeed d)
    {
        var code = d.Dealer.DealerCode;
        var reviewer = _network!.NetworkUserId;
        var year = d.Today.Year;

        // Performance Center Programme: one application a year; this year's is somewhere in review.
        ProgrammeStatus[] current = [ProgrammeStatus.Pending, ProgrammeStatus.UnderReview, ProgrammeStatus.RevisionRequested, ProgrammeStatus.Draft];
        ProgrammeStatus[] earlier = [ProgrammeStatus.Approved, ProgrammeStatus.Rejected, ProgrammeStatus.Approved];
        var applications = Math.Min(3, d.Scale.Years + 1);
        for (var k = applications - 1; k >= 0; k--)
        {
            var status = k == 0 ? current[(d.Number - 1) % current.Length] : earlier[(d.Number + k) % earlier.Length];
            var date = new DateOnly(year - k, 2, 10).AddDays(Between(0, 30));
            if (date > d.Today) date = d.Today.AddDays(-Between(1, 10));
            var submitted = AtLocal(d, date, 11 * 60);
            var reviewed = status is ProgrammeStatus.Draft or ProgrammeStatus.Pending ? (DateTime?)null : Earlier(submitted.AddDays(Between(5, 20)), _now.AddHours(-2));
            var decided = status is ProgrammeStatus.Approved or ProgrammeStatus.Rejected ? reviewed?.AddDays(Between(2, 10)) : null;
            Add(new DealerPccApplication
            {
                Id = NextGuid(), DealerId = d.Id, SubmittedById = d.Manager.Id, ApplicationNumber = $"PCC-{year - k}-{code}",
                ApplicationDate = date, Status = status,
                CriteriaData = JsonSerializer.Serialize(new
                {
                    workshopBays = 8 + d.Scale.CustomersPerDealer / 2500 + Between(0, 4),
                    certifiedTechnicians = d.Technicians.Count,
                    customerSatisfactionScore = Math.Round(82 + 10 * _random.NextDouble(), 1),
                    monthlyThroughput = (int)(d.VisitsPerDay * 30),
                    diagnosticEquipment = new[] { "ODIS Service", "VAS 6154A", "Hunter wheel aligner" },
                    evReady = Chance(0.5),
                }),
                ReviewedById = reviewed is null ? null : reviewer, ReviewedAt = reviewed,
                ReviewComments = status switch
                {
                    ProgrammeStatus.RevisionRequested => "Please attach the calibration certificate of the wheel aligner and the bay layout.",
                    ProgrammeStatus.UnderReview => "Site visit planned for next month.",
                    ProgrammeStatus.Rejected or ProgrammeStatus.Approved => "Documents complete; site visit done.",
                    _ => null,
                },
                ApprovedById = decided is null ? null : reviewer, ApprovedAt = decided,
                ApprovalComments = status switch
                {
                    ProgrammeStatus.Approved => "Meets every criterion. Welcome to the Performance Center Programme.",
                    ProgrammeStatus.Rejected => "Customer satisfaction below the 85% threshold; please apply again next year.",
                    _ => null,
                },
                CreatedAt = submitted, UpdatedAt = decided ?? reviewed ?? submitted,
            });
        }

        // Events: a service-advisor workshop and a technical training, with registrations in every state.
        (string Name, int DaysFromNow, string Location)[] events =
        [
            ("Aftersales Process Improvement (API) workshop", -75, "Hotel Westin, Pune"),
            ("Service advisor excellence day", -20, "SAVWIPL training centre, Chakan"),
            ("Aftersales Process Improvement (API) workshop", 24, "Hyatt Regency, Delhi"),
        ];
        var registration = 0;
        foreach (var (name, days, location) in events)
        {
            var eventDate = d.Today.AddDays(days);
            foreach (var attendee in d.Advisors.Take(Between(1, 2)))
            {
                var status = days < 0
                    ? (Chance(0.85) ? RegistrationStatus.Attended : RegistrationStatus.NoShow)
                    : PickWeighted([RegistrationStatus.Registered, RegistrationStatus.Confirmed, RegistrationStatus.Cancelled],
                        s => s == RegistrationStatus.Cancelled ? 1 : 3);
                Add(new ApiRegistration
                {
                    Id = NextGuid(), DealerId = d.Id, RegisteredById = d.Manager.Id, RegistrationNumber = $"API-{code}-{++registration:000}",
                    EmployeeName = attendee.Name, EmployeeEmail = attendee.Email, EmployeePhone = MobileNumber(),
                    EmployeeDesignation = "Service Advisor", EventName = name, EventDate = eventDate, EventLocation = location,
                    CriteriaData = JsonSerializer.Serialize(new { yearsOfExperience = Between(1, 12), csiLastQuarter = Between(78, 96) }),
                    Status = status, CreatedAt = AtLocal(d, eventDate.AddDays(-30), 12 * 60),
                });
            }
        }

        await FlushAsync(); // the query below shares the connection with the writer
        var technicianIds = d.Technicians.Take(2).Select(t => t.Id).ToList();
        var employeeIds = await db.StaffProfiles.Where(p => technicianIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.EmployeeId);
        var meet = 0;
        foreach (var (technician, days) in d.Technicians.Take(2).Zip(new[] { -140, 35 }))
        {
            var meetDate = d.Today.AddDays(days);
            Add(new MtMeetRegistration
            {
                Id = NextGuid(), DealerId = d.Id, RegisteredById = d.Manager.Id, RegistrationNumber = $"MTM-{code}-{++meet:000}",
                TechnicianName = technician.Name, TechnicianEmail = technician.Email, TechnicianPhone = MobileNumber(),
                TechnicianEmployeeId = employeeIds.GetValueOrDefault(technician.Id), MeetName = $"Master Technician Meet {meetDate.Year}",
                MeetDate = meetDate, MeetLocation = "SAVWIPL technical academy, Pune",
                CriteriaData = JsonSerializer.Serialize(new { certificationLevel = Between(2, 4), firstTimeFixRate = Math.Round(90 + 9 * _random.NextDouble(), 1) }),
                Status = days < 0 ? RegistrationStatus.Attended : RegistrationStatus.Confirmed,
                CreatedAt = AtLocal(d, meetDate.AddDays(-45), 12 * 60),
            });
        }

        SaveSurveys(d);
        await FlushAsync();
    }

    /// <summary>Quarterly workshop, warranty and technical surveys, scored from their weighted answers and improving slowly.</summary>
    private void SaveSurveys(DealerSeed d)
    {
        var quarterStart = new DateOnly(d.Today.Year, (d.Today.Month - 1) / 3 * 3 + 1, 1);
        var quarters = d.Scale.Years * 4;
        var baseScore = 3.3 + _random.NextDouble() * 0.6;
        for (var q = quarters - 1; q >= 0; q--)
        {
            var start = quarterStart.AddMonths(-3 * q);
            var period = $"Q{(start.Month - 1) / 3 + 1} {start.Year}";
            foreach (var kind in Enum.GetValues<SurveyKind>())
            {
                var isCurrent = q == 0;
                var status = isCurrent
                    ? ((d.Number + (int)kind) % 3 == 0 ? SurveyStatus.Draft : SurveyStatus.Submitted)
                    : q == 1 ? SurveyStatus.Reviewed : SurveyStatus.Completed;
                var submitted = isCurrent ? start.AddDays(Math.Min(Between(5, 40), d.Today.DayNumber - start.DayNumber)) : start.AddMonths(3).AddDays(-Between(3, 15));
                var mean = Math.Min(4.8, baseScore + (quarters - q) * 0.03);
                var answers = SurveyTemplates[kind]
                    .Select(question => (question, score: status == SurveyStatus.Draft && Chance(0.4)
                        ? (int?)null
                        : Math.Clamp((int)Math.Round(mean + (_random.NextDouble() - 0.5) * 1.6), 1, 5)))
                    .ToList();
                var answered = answers.Where(a => a.score is not null).ToList();
                decimal? overall = status == SurveyStatus.Draft || answered.Count == 0 ? null
                    : Math.Round(answered.Sum(a => a.score!.Value * a.question.Weight) * 100m / answered.Sum(a => 5m * a.question.Weight), 2);
                var responses = JsonSerializer.Serialize(new
                {
                    template = $"{kind} survey v3",
                    sections = answers.GroupBy(a => a.question.Section).Select(g => new
                    {
                        name = g.Key,
                        answers = g.Select(a => new
                        {
                            question = a.question.Question, weight = a.question.Weight, score = a.score,
                            comment = a.score is <= 2 ? "Action plan agreed with the area manager." : null,
                        }),
                    }),
                });
                var by = kind switch { SurveyKind.Warranty => d.WarrantyManager, SurveyKind.Technical => d.Foreman, _ => d.Manager };
                Add(new Survey
                {
                    Id = NextGuid(), DealerId = d.Id, Kind = kind, SubmittedById = by.Id,
                    SurveyNumber = $"{kind.ToString()[..2].ToUpperInvariant()}S-{d.Dealer.DealerCode}-{start.Year}Q{(start.Month - 1) / 3 + 1}",
                    SurveyPeriod = period, SubmissionDate = submitted, Responses = responses, OverallScore = overall, Status = status,
                    CreatedAt = AtLocal(d, submitted, 15 * 60),
                });
            }
        }
    }

    private async Task SeedNotificationsAsync(DealerSeed d)
    {
        var open = d.RecentWorkOrders.OrderByDescending(w => w.At).ToList();
        (Guid Id, string Number, DateTime At)? Job(int i) => open.Count == 0 ? null : open[i % open.Count];
        var notes = new List<(StaffMember? User, NotificationType Type, NotificationPriority Priority, string Title, string Message, (Guid Id, string Number, DateTime At)? Job, int HoursAgo)>
        {
            (d.DemoAdvisor, NotificationType.EstimateApproval, NotificationPriority.High, "Estimate approved",
                $"The customer approved the estimate for {Job(0)?.Number}.", Job(0), 1),
            (d.DemoAdvisor, NotificationType.AppointmentBooked, NotificationPriority.Normal, "New online booking",
                "A periodic service was booked through the portal for tomorrow 10:00.", null, 3),
            (d.DemoAdvisor, NotificationType.PaymentReceived, NotificationPriority.Normal, "Payment received",
                $"UPI payment received against {Job(1)?.Number}.", Job(1), 26),
            (d.DemoAdvisor, NotificationType.WorkOrderStatus, NotificationPriority.Normal, "Car ready for delivery",
                $"{Job(2)?.Number} passed quality check; call the customer for pick-up.", Job(2), 50),
            (d.DemoTechnician, NotificationType.WorkOrderStatus, NotificationPriority.High, "New job assigned",
                $"You have been assigned the labor on {Job(0)?.Number}.", Job(0), 2),
            (d.DemoTechnician, NotificationType.Info, NotificationPriority.Normal, "Parts arrived",
                $"The parts ordered for {Job(3)?.Number} are at the parts counter.", Job(3), 5),
            (d.DemoTechnician, NotificationType.Warning, NotificationPriority.Normal, "Quality check failed",
                $"{Job(4)?.Number} came back from QC: brake squeak on the road test.", Job(4), 30),
            (d.Manager, NotificationType.Warning, NotificationPriority.High, "Discount needs your approval",
                $"A 10% goodwill discount was requested on {Job(1)?.Number}.", Job(1), 1),
            (d.Manager, NotificationType.ProgrammeReview, NotificationPriority.Normal, "Survey due this quarter",
                "The workshop survey for this quarter is waiting to be completed.", null, 20),
            (d.Manager, NotificationType.PartsLowStock, NotificationPriority.Normal, "Parts below reorder point",
                "Several parts are at or below their reorder point.", null, 48),
            (d.PartsManager, NotificationType.PartsLowStock, NotificationPriority.High, "Reorder needed",
                "Fast-moving oils and fluids are close to their reorder point.", null, 4),
            (d.PartsManager, NotificationType.Info, NotificationPriority.Normal, "Delivery received",
                "This morning's delivery from the parts distribution centre has been booked into stock.", null, 28),
            (d.WarrantyManager, NotificationType.Warning, NotificationPriority.High, "Warranty claim needs documents",
                "A pending claim is missing the photos of the replaced part.", null, 6),
            (d.WarrantyManager, NotificationType.ProgrammeReview, NotificationPriority.Normal, "Warranty survey",
                "This quarter's warranty survey is open.", null, 72),
            (d.DemoCustomer, NotificationType.EstimateApproval, NotificationPriority.High, "Your estimate is ready",
                "The estimate for your car's service is ready for your approval.", null, 2),
            (d.DemoCustomer, NotificationType.PaymentReceived, NotificationPriority.Normal, "Payment received, thank you",
                "We received your advance payment.", null, 40),
            (d.DemoCustomer, NotificationType.ServiceReminder, NotificationPriority.Normal, "Service reminder",
                "Your second car is due for its periodic service; your appointment is confirmed.", null, 100),
        };

        var index = 0;
        foreach (var (user, type, priority, title, message, job, hoursAgo) in notes)
        {
            if (user is null) continue;
            var at = _now.AddHours(-hoursAgo).AddMinutes(-Between(0, 50));
            var read = hoursAgo > 24 && index++ % 3 != 0;
            Add(new Notification
            {
                Id = NextGuid(), UserId = user.Id, DealerId = d.Id, WorkOrderId = job?.Id, Type = type, Title = title, Message = message,
                Priority = priority, IsRead = read, ReadAt = read ? at.AddHours(2) : null,
                // Only pages that exist today are linked; the work-order pages come later.
                ActionUrl = job is null ? "/notifications" : null, ActionText = job is null ? "View all" : null,
                CreatedAt = at, UpdatedAt = read ? at.AddHours(2) : at, ExpiresAt = null,
            });
        }

        if (_network!.NetworkUserId is { } network)
            Add(new Notification
            {
                Id = NextGuid(), UserId = network, DealerId = d.Id, Type = NotificationType.ProgrammeReview, Priority = NotificationPriority.Normal,
                Title = $"{d.Dealer.DealerCode}: programme update", Message = $"{d.Dealer.Name} has a Performance Center Programme application in progress.",
                ActionUrl = "/", ActionText = "Open dashboard", CreatedAt = _now.AddHours(-Between(2, 80)), UpdatedAt = _now.AddHours(-1),
            });
        if (d.Number == 1 && _network.AdminUserId is { } admin)
            Add(new Notification
            {
                Id = NextGuid(), UserId = admin, Type = NotificationType.Warning, Priority = NotificationPriority.High,
                Title = "Failed sign-ins on the admin account", Message = "Three failed sign-ins from an unknown address overnight.",
                ActionUrl = "/", ActionText = "Open dashboard", CreatedAt = _now.AddHours(-7), UpdatedAt = _now.AddHours(-7),
            });

        SaveDealerSignIns(d);
        await FlushAsync();
    }

    private void SaveDealerSignIns(DealerSeed d)
    {
        const string tablet = "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
        const string desktop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
        foreach (var (key, user) in d.DemoUsers)
            for (var day = 5; day >= 1; day--)
                Add(new LoginActivity
                {
                    Id = NextGuid(), UserId = user.Id, Email = user.Email, Action = LoginAction.SignedIn,
                    DeviceInfo = key == "tech" ? "Chrome on Android tablet" : "Chrome on Windows",
                    IpAddress = $"10.{d.Number}.{Between(1, 20)}.{Between(10, 250)}", UserAgent = key == "tech" ? tablet : desktop,
                    Location = $"{d.City.City}, IN", CreatedAt = AtLocal(d, d.Today.AddDays(-day), 8 * 60 + Between(0, 40)),
                });
        if (d.DemoAdvisor is { } advisor)
            Add(new LoginActivity
            {
                Id = NextGuid(), UserId = advisor.Id, Email = advisor.Email, Action = LoginAction.SignInFailed, DeviceInfo = "Chrome on Windows",
                IpAddress = $"10.{d.Number}.3.17", UserAgent = desktop, Location = $"{d.City.City}, IN", Reason = "Wrong password",
                CreatedAt = _now.AddHours(-Between(2, 10)),
            });
    }
}
