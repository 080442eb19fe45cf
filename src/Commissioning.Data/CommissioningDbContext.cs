using System.Globalization;
using Commissioning.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Commissioning.Data;

/// <summary>
/// The one database of the toolkit: tenders and everything in them, organisations, accounts
/// (ASP.NET Core Identity), each person's roles on each tender, data-protection keys and the audit
/// trail. Use <see cref="SqliteCommissioningDbContext"/> or <see cref="PostgreSqlCommissioningDbContext"/>;
/// each has its own migrations.
/// </summary>
/// <remarks>
/// On every save the context adds one to the <see cref="EditableRow.Version"/> of each changed row
/// (the optimistic concurrency token), refuses to change or remove an audit entry, and refuses a
/// change to tender data that comes without an audit entry in the same save.
/// </remarks>
public abstract class CommissioningDbContext : IdentityDbContext<UserAccount>, IDataProtectionKeyContext
{
    /// <summary>Creates the context.</summary>
    protected CommissioningDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Tenders.</summary>
    public DbSet<TenderRow> Tenders => Set<TenderRow>();
    /// <summary>Members of tenders.</summary>
    public DbSet<TenderMemberRow> TenderMembers => Set<TenderMemberRow>();
    /// <summary>Lots.</summary>
    public DbSet<LotRow> Lots => Set<LotRow>();
    /// <summary>Sections.</summary>
    public DbSet<SectionRow> Sections => Set<SectionRow>();
    /// <summary>Questions.</summary>
    public DbSet<QuestionRow> Questions => Set<QuestionRow>();
    /// <summary>Gates.</summary>
    public DbSet<GateRow> Gates => Set<GateRow>();
    /// <summary>Evaluators named in tenders.</summary>
    public DbSet<EvaluatorRow> Evaluators => Set<EvaluatorRow>();
    /// <summary>Assignments.</summary>
    public DbSet<AssignmentRow> Assignments => Set<AssignmentRow>();
    /// <summary>Bids.</summary>
    public DbSet<BidRow> Bids => Set<BidRow>();
    /// <summary>Bid prices.</summary>
    public DbSet<BidPriceRow> BidPrices => Set<BidPriceRow>();
    /// <summary>Answers.</summary>
    public DbSet<AnswerRow> Answers => Set<AnswerRow>();
    /// <summary>Evaluators' scores.</summary>
    public DbSet<EvaluatorScoreRow> EvaluatorScores => Set<EvaluatorScoreRow>();
    /// <summary>Moderated scores.</summary>
    public DbSet<ModeratedScoreRow> ModeratedScores => Set<ModeratedScoreRow>();
    /// <summary>Gate decisions.</summary>
    public DbSet<GateDecisionRow> GateDecisions => Set<GateDecisionRow>();
    /// <summary>Low price decisions.</summary>
    public DbSet<LowPriceDecisionRow> LowPriceDecisions => Set<LowPriceDecisionRow>();

    /// <summary>Evaluators' declarations about conflicts of interest, and the owner's decisions on them.</summary>
    public DbSet<ConflictDeclarationRow> ConflictDeclarations => Set<ConflictDeclarationRow>();

    /// <summary>The award decision of each lot.</summary>
    public DbSet<AwardDecisionRow> AwardDecisions => Set<AwardDecisionRow>();
    /// <summary>Organisations.</summary>
    public DbSet<OrganisationRow> Organisations => Set<OrganisationRow>();
    /// <summary>Roles on tenders.</summary>
    public DbSet<TenderMembershipRow> TenderMemberships => Set<TenderMembershipRow>();

    /// <summary>Provider organisations invited to bid for a tender.</summary>
    public DbSet<TenderInvitationRow> TenderInvitations => Set<TenderInvitationRow>();
    /// <summary>Providers' readiness checks.</summary>
    public DbSet<ReadinessCheckRow> ReadinessChecks => Set<ReadinessCheckRow>();
    /// <summary>The lots and sections a membership covers.</summary>
    public DbSet<MembershipScopeRow> MembershipScopes => Set<MembershipScopeRow>();
    /// <summary>The audit trail. Entries can be added, never changed or removed.</summary>
    public DbSet<AuditEntryRow> AuditEntries => Set<AuditEntryRow>();
    /// <inheritdoc />
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The audit table's name, which the database triggers refer to.</summary>
    public const string AuditTable = "AuditEntries";

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");

        builder.Entity<OrganisationRow>(e =>
        {
            e.ToTable("Organisations");
            e.Property(o => o.Name).HasMaxLength(300);
        });
        builder.Entity<UserAccount>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<TenderRow>(e =>
        {
            e.ToTable("Tenders");
            e.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(t => t.Lots).WithOne().HasForeignKey(l => l.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(t => t.Evaluators).WithOne().HasForeignKey(v => v.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(t => t.Assignments).WithOne().HasForeignKey(a => a.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(t => t.Bids).WithOne().HasForeignKey(b => b.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(t => t.Memberships).WithOne().HasForeignKey(m => m.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(t => t.BuyerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<TenderMemberRow>(e =>
        {
            e.ToTable("TenderMembers");
            e.HasIndex(m => new { m.TenderId, m.Key }).IsUnique();
        });
        builder.Entity<LotRow>(e =>
        {
            e.ToTable("Lots");
            e.HasIndex(l => new { l.TenderId, l.Key }).IsUnique();
            e.HasMany(l => l.Sections).WithOne().HasForeignKey(s => s.LotId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(l => l.Gates).WithOne().HasForeignKey(g => g.LotId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SectionRow>(e =>
        {
            e.ToTable("Sections");
            e.HasIndex(s => new { s.LotId, s.Key }).IsUnique();
            e.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SectionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<QuestionRow>(e =>
        {
            e.ToTable("Questions");
            e.HasIndex(q => new { q.SectionId, q.Key }).IsUnique();
        });
        builder.Entity<GateRow>(e =>
        {
            e.ToTable("Gates");
            e.HasIndex(g => new { g.LotId, g.Key }).IsUnique();
        });
        builder.Entity<EvaluatorRow>(e =>
        {
            e.ToTable("Evaluators");
            e.HasIndex(v => new { v.TenderId, v.Key }).IsUnique();
        });
        builder.Entity<AssignmentRow>(e =>
        {
            e.ToTable("Assignments");
            e.HasIndex(a => new { a.TenderId, a.Position });
        });
        builder.Entity<BidRow>(e =>
        {
            e.ToTable("Bids");
            e.HasIndex(b => new { b.TenderId, b.Key }).IsUnique();
            e.HasIndex(b => b.ProviderOrganisationId);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(b => b.ProviderOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(b => b.Prices).WithOne().HasForeignKey(p => p.BidId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(b => b.Answers).WithOne().HasForeignKey(a => a.BidId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BidPriceRow>(e =>
        {
            e.ToTable("BidPrices");
            e.HasIndex(p => new { p.BidId, p.Kind, p.Position }).IsUnique();
        });
        builder.Entity<AnswerRow>(e =>
        {
            e.ToTable("Answers");
            e.HasIndex(a => new { a.BidId, a.QuestionKey }).IsUnique();
        });
        builder.Entity<EvaluatorScoreRow>(e =>
        {
            e.ToTable("EvaluatorScores");
            e.HasOne<TenderRow>().WithMany().HasForeignKey(s => s.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.TenderId, s.EvaluatorKey, s.BidKey, s.QuestionKey }).IsUnique();
            e.HasIndex(s => new { s.TenderId, s.Position });
        });
        builder.Entity<ModeratedScoreRow>(e =>
        {
            e.ToTable("ModeratedScores");
            e.HasOne<TenderRow>().WithMany().HasForeignKey(s => s.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.TenderId, s.BidKey, s.QuestionKey });
        });
        builder.Entity<GateDecisionRow>(e =>
        {
            e.ToTable("GateDecisions");
            e.HasOne<TenderRow>().WithMany().HasForeignKey(s => s.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.TenderId, s.BidKey, s.GateKey });
        });
        builder.Entity<LowPriceDecisionRow>(e =>
        {
            e.ToTable("LowPriceDecisions");
            e.HasOne<TenderRow>().WithMany().HasForeignKey(s => s.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.TenderId, s.BidKey });
        });
        builder.Entity<ConflictDeclarationRow>(e =>
        {
            e.ToTable("ConflictDeclarations");
            e.HasOne<TenderRow>().WithMany().HasForeignKey(s => s.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.TenderId, s.EvaluatorKey }).IsUnique();
        });
        builder.Entity<AwardDecisionRow>(e =>
        {
            e.ToTable("AwardDecisions");
            e.HasOne<TenderRow>().WithMany().HasForeignKey(s => s.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.TenderId, s.LotKey }).IsUnique();
        });
        builder.Entity<TenderMembershipRow>(e =>
        {
            e.ToTable("TenderMemberships");
            e.HasIndex(m => new { m.TenderId, m.UserId, m.Role }).IsUnique();
            e.HasIndex(m => m.UserId);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Scope).WithOne().HasForeignKey(s => s.MembershipId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<MembershipScopeRow>(e => e.ToTable("MembershipScopes"));
        builder.Entity<TenderInvitationRow>(e =>
        {
            e.ToTable("TenderInvitations");
            e.HasIndex(i => new { i.TenderId, i.OrganisationId }).IsUnique();
            e.HasIndex(i => i.OrganisationId);
            e.HasOne<TenderRow>().WithMany().HasForeignKey(i => i.TenderId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ReadinessCheckRow>(e =>
        {
            e.ToTable("ReadinessChecks");
            e.HasIndex(r => r.OrganisationId);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AuditEntryRow>(e =>
        {
            e.ToTable(AuditTable);
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.HasIndex(a => new { a.TenderId, a.Id });
            e.HasIndex(a => new { a.Entity, a.EntityKey });
        });

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(EditableRow).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).Property(nameof(EditableRow.Version)).IsConcurrencyToken();
            }

            foreach (var property in entity.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type.IsEnum)
                {
                    // By name, so that reordering an enum never changes what stored rows mean.
                    property.SetProviderClrType(typeof(string));
                    property.SetMaxLength(40);
                }
                else if (type == typeof(decimal))
                {
                    if (Database.IsSqlite())
                    {
                        // SQLite has no decimal type. Keep the exact text, with its scale ("70", "1.50"),
                        // so nothing is rounded through a float and the file round trip is identical.
                        // Never order or add these in SQL: as text they compare as text.
                        property.SetValueConverter(property.ClrType == typeof(decimal) ? ExactDecimal : ExactNullableDecimal);
                    }
                    else
                    {
                        // PostgreSQL's numeric without precision keeps every digit and the scale.
                        property.SetColumnType("numeric");
                    }
                }
            }
        }
    }

    private static readonly ValueConverter<decimal, string> ExactDecimal = new(
        v => v.ToString(CultureInfo.InvariantCulture),
        v => decimal.Parse(v, NumberStyles.Number, CultureInfo.InvariantCulture));

    private static readonly ValueConverter<decimal?, string?> ExactNullableDecimal = new(
        v => v.HasValue ? v.Value.ToString(CultureInfo.InvariantCulture) : null,
        v => v == null ? null : decimal.Parse(v, NumberStyles.Number, CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Bumps versions, and refuses what the audit rules forbid, before anything reaches the database.
    /// </summary>
    private void PrepareSave()
    {
        var audited = false;
        var changed = new List<EntityEntry>();
        foreach (var entry in ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case AuditEntryRow when entry.State is EntityState.Modified or EntityState.Deleted:
                    throw new AuditTrailException("The audit trail cannot be changed or deleted: entries can only be added.");
                case AuditEntryRow when entry.State == EntityState.Added:
                    audited = true;
                    break;
                case EditableRow row when entry.State == EntityState.Added:
                    row.Version = 1;
                    changed.Add(entry);
                    break;
                case EditableRow row when entry.State == EntityState.Modified:
                    // The original value stays what was read (or what the caller says it read), so
                    // the UPDATE matches only that version.
                    row.Version = entry.Property(nameof(EditableRow.Version)).OriginalValue is long original ? original + 1 : row.Version + 1;
                    changed.Add(entry);
                    break;
                case EditableRow or MembershipScopeRow when entry.State is EntityState.Deleted or EntityState.Added or EntityState.Modified:
                    changed.Add(entry);
                    break;
            }
        }

        if (changed.Count > 0 && !audited)
        {
            throw new AuditTrailException(
                $"A change to {changed[0].Entity.GetType().Name} was about to be saved without an audit entry. Every change to tender data is saved with its audit entry in the same transaction.");
        }
    }
}

/// <summary>A save that would break the audit trail's rules: refused before anything is written.</summary>
public sealed class AuditTrailException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public AuditTrailException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AuditTrailException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AuditTrailException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The context for SQLite, the default: one file, created and migrated on first run.</summary>
public sealed class SqliteCommissioningDbContext(DbContextOptions<SqliteCommissioningDbContext> options) : CommissioningDbContext(options);

/// <summary>The context for PostgreSQL, for deployments with several web instances.</summary>
public sealed class PostgreSqlCommissioningDbContext(DbContextOptions<PostgreSqlCommissioningDbContext> options) : CommissioningDbContext(options);
