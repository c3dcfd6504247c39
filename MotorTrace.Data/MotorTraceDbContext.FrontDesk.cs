using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Data;

public partial class MotorTraceDbContext
{
    public DbSet<DealerSettings> DealerSettings => Set<DealerSettings>();
    public DbSet<DealerShopHours> DealerShopHours => Set<DealerShopHours>();
    public DbSet<DealerSequence> DealerSequences => Set<DealerSequence>();
    public DbSet<CustomerNote> CustomerNotes => Set<CustomerNote>();
    public DbSet<AppointmentStatusChange> AppointmentStatusChanges => Set<AppointmentStatusChange>();
    public DbSet<VehicleTransfer> VehicleTransfers => Set<VehicleTransfer>();
}
