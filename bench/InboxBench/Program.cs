using InboxBench;
using InboxBench.Generate;
using InboxBench.Measure;
using InboxBench.Reports;
using InboxBench.Sla;

// Inbox benchmark. See docs/BENCHMARKS.md for the commands and the latest figures.
//   generate --db <path> [--tickets 1000000] [--messages 10000000] [--agents 50] [--customers 100000]
//   measure  --db <path> [--runs 200] [--budget-seconds 30] [--only <scenario substring>] [--plans]
//   generate and measure take --postgres <Npgsql connection string> instead of --db: the same inbox on PostgreSQL
//   (generate drops and recreates the database the connection string names).
//   sla-prepare --db <path>                        (policies + every not-closed ticket's clock, by the real SLA engine)
//   scheduler --db <path> [--events 10000] [--seconds 60]   (SLA wake-ups through the real job runner)
//   reports-prepare --db <path>                    (migrate, then rebuild every report fact from the history)
//   reports --db <path> [--runs 50] [--budget-seconds 30] [--only <scenario substring>]   (time the reports)
var options = Args.Parse(args.Skip(1));
switch (args.FirstOrDefault())
{
    case "generate" when options.Get("postgres") is { } postgres:
        PostgresGenerator.Run(postgres, options.Int("tickets", 1_000_000), options.Long("messages", 10_000_000),
            options.Int("agents", 50), options.Int("customers", 100_000));
        return 0;
    case "generate":
        Generator.Run(options.Required("db"), options.Int("tickets", 1_000_000), options.Long("messages", 10_000_000),
            options.Int("agents", 50), options.Int("customers", 100_000));
        return 0;
    case "measure":
        await Runner.RunAsync(options.Get("postgres") is not null ? null : options.Required("db"), options.Get("postgres"),
            options.Int("runs", 200), options.Int("budget-seconds", 30),
            options.Get("only"), options.Flag("plans"));
        return 0;
    case "sla-prepare":
        await SlaBench.PrepareAsync(options.Required("db"));
        return 0;
    case "scheduler":
        await SlaBench.SchedulerAsync(options.Required("db"), options.Int("events", 10_000), options.Int("seconds", 60));
        return 0;
    case "reports-prepare":
        await ReportBench.PrepareAsync(options.Required("db"));
        return 0;
    case "reports-days":
        await ReportBench.RebuildDaysAsync(options.Required("db"));
        return 0;
    case "reports-profile":
        await ReportBench.ProfileAsync(options.Required("db"), options.Int("days", 365));
        return 0;
    case "reports":
        await ReportBench.MeasureAsync(options.Required("db"), options.Int("runs", 50), options.Int("budget-seconds", 30), options.Get("only"));
        return 0;
    default:
        Console.Error.WriteLine("usage: InboxBench generate (--db <path> | --postgres <connection string>) [--tickets N] [--messages N] | measure (--db <path> | --postgres <connection string>) [--runs N] [--plans]");
        return 2;
}
