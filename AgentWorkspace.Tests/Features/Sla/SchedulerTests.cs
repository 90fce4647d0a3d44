using AgentWorkspace.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentWorkspace.Tests.Features.Sla;

/// <summary>The durable scheduler: stored jobs survive restarts, run once, and wake the runner when due.</summary>
public sealed class SchedulerTests : IAsyncLifetime
{
    private SlaWorld world = null!;

    public async Task InitializeAsync() => world = await SlaWorld.CreateAsync(new Dictionary<string, string?> { ["Scheduling:MaxIdleSeconds"] = "86400" });

    public async Task DisposeAsync() => await world.DisposeAsync();

    private const string Kind = SlaWorld.CountingJobs.Kind;

    [Fact]
    public async Task AJobDueWhileTheAppWasDown_RunsOnceAfterTheStart()
    {
        await world.Services.GetRequiredService<JobScheduler>().ScheduleAsync(Kind, "down", SlaWorld.Start.AddHours(1));
        await world.StopAsync();

        world.Clock.Advance(TimeSpan.FromHours(2));
        await world.RestartAsync(new Dictionary<string, string?> { ["Scheduling:MaxIdleSeconds"] = "86400" });
        await SlaWorld.WaitUntilAsync(() => Task.FromResult(world.JobRuns.ContainsKey("down")), "the job ran after the start");
        await world.StopAsync();
        await world.RestartAsync();
        await world.AdvanceAsync(TimeSpan.FromDays(1));

        world.JobRuns["down"].ShouldBe(1);
        await using var db = world.Db();
        (await db.ScheduledJobs.SingleAsync(j => j.Key == "down")).State.ShouldBe(JobState.Done);
    }

    [Fact]
    public async Task TwoRunnersOnOneDatabase_NeverRunAJobTwice()
    {
        var second = await world.StartHostAsync(new Dictionary<string, string?> { ["Scheduling:MaxIdleSeconds"] = "86400", ["Scheduling:BatchSize"] = "7" });
        await using (var db = world.Db())
        {
            db.ScheduledJobs.AddRange(Enumerable.Range(0, 300).Select(i => new ScheduledJob
            {
                Kind = Kind, Key = $"job-{i}", DueAt = SlaWorld.Start.AddSeconds(i % 5), CreatedAt = SlaWorld.Start,
            }));
            await db.SaveChangesAsync();
        }
        var runners = new[] { world.Services.GetRequiredService<JobRunner>(), second.Services.GetRequiredService<JobRunner>() };
        runners[0].Owner.ShouldNotBe(runners[1].Owner);

        world.Clock.Advance(TimeSpan.FromSeconds(5));
        // Both hosted runners wake, and four more passes compete with them.
        await Task.WhenAll(runners.Concat(runners).Select(r => Task.Run(() => r.RunDueAsync())));
        await SlaWorld.WaitUntilAsync(async () =>
        {
            await using var db = world.Db();
            return await db.ScheduledJobs.CountAsync(j => j.Kind == Kind && j.State == JobState.Done) == 300;
        }, "all 300 jobs done");

        world.JobRuns.Count.ShouldBe(300);
        world.JobRuns.Values.ShouldAllBe(runs => runs == 1);
    }

    [Fact]
    public async Task AJobLeasedByARunnerThatDied_RunsOnceItsLeaseRunsOut()
    {
        await using (var db = world.Db())
        {
            // As a process killed mid-job leaves it: claimed, never completed.
            db.ScheduledJobs.Add(new ScheduledJob
            {
                Kind = Kind, Key = "orphan", DueAt = SlaWorld.Start, CreatedAt = SlaWorld.Start,
                LeaseOwner = "killed-node:1234", LeaseUntil = SlaWorld.Start.AddSeconds(120), Attempts = 1,
            });
            await db.SaveChangesAsync();
        }
        world.Services.GetRequiredService<JobScheduler>().Nudge(SlaWorld.Start);

        await world.AdvanceAsync(TimeSpan.FromSeconds(119));
        world.JobRuns.ContainsKey("orphan").ShouldBeFalse();
        world.Clock.Advance(TimeSpan.FromSeconds(1));

        await SlaWorld.WaitUntilAsync(() => Task.FromResult(world.JobRuns.ContainsKey("orphan")), "the orphaned job ran");
        await world.AdvanceAsync(TimeSpan.FromMinutes(10));
        world.JobRuns["orphan"].ShouldBe(1);
    }

    [Fact]
    public async Task SchedulingEarlierWork_WakesTheSleepingRunner()
    {
        var scheduler = world.Services.GetRequiredService<JobScheduler>();
        await scheduler.ScheduleAsync(Kind, "late", SlaWorld.Start.AddHours(6));
        await world.AdvanceAsync(TimeSpan.FromMinutes(1)); // the runner now sleeps until the late job

        await scheduler.ScheduleAsync(Kind, "soon", SlaWorld.Start.AddMinutes(2));
        world.Clock.Advance(TimeSpan.FromMinutes(1));

        await SlaWorld.WaitUntilAsync(() => Task.FromResult(world.JobRuns.ContainsKey("soon")), "the earlier job ran at its time");
        world.JobRuns.ContainsKey("late").ShouldBeFalse();
    }

    [Fact]
    public async Task SchedulingAKeyAgain_MovesItsJob_AndItRunsOnceAtTheNewTime()
    {
        var scheduler = world.Services.GetRequiredService<JobScheduler>();
        await scheduler.ScheduleAsync(Kind, "moved", SlaWorld.Start.AddHours(1));
        await scheduler.ScheduleAsync(Kind, "moved", SlaWorld.Start.AddHours(2));

        await world.AdvanceAsync(TimeSpan.FromHours(1));
        world.JobRuns.ContainsKey("moved").ShouldBeFalse();
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        await SlaWorld.WaitUntilAsync(() => Task.FromResult(world.JobRuns.ContainsKey("moved")), "the moved job ran");

        world.JobRuns["moved"].ShouldBe(1);
        await using var db = world.Db();
        (await db.ScheduledJobs.CountAsync(j => j.Key == "moved")).ShouldBe(1);
    }

    [Fact]
    public async Task JobsOfABatchCapableKind_RunManyToACall_EachOnce()
    {
        await AddDueJobsAsync(SlaWorld.BatchCountingJobs.Kind, Enumerable.Range(0, 120).Select(i => $"batch-{i}"));

        await world.AdvanceAsync(TimeSpan.FromSeconds(10));
        await SlaWorld.WaitUntilAsync(() => Task.FromResult(world.JobRuns.Count == 120), "all 120 jobs ran");

        world.JobRuns.Values.ShouldAllBe(runs => runs == 1);
        world.BatchSizes.Max().ShouldBeGreaterThan(1, "due together, they were handed over together");
        world.BatchSizes.Sum().ShouldBe(120);
        await using var db = world.Db();
        (await db.ScheduledJobs.CountAsync(j => j.Kind == SlaWorld.BatchCountingJobs.Kind && j.State == JobState.Done)).ShouldBe(120);
    }

    [Fact]
    public async Task ABatchWithAFailingJob_RunsItsJobsOneByOne_SoOnlyTheBadOneIsRetried()
    {
        await AddDueJobsAsync(SlaWorld.BatchCountingJobs.Kind, ["good-1", "bad-1", "good-2", "good-3"]);

        await world.AdvanceAsync(TimeSpan.FromSeconds(10));
        await SlaWorld.WaitUntilAsync(() => Task.FromResult(world.JobRuns.Count == 3), "the good jobs ran");

        world.JobRuns.Keys.Order().ShouldBe(["good-1", "good-2", "good-3"]);
        world.JobRuns.Values.ShouldAllBe(runs => runs == 1);
        await using var db = world.Db();
        var bad = await db.ScheduledJobs.SingleAsync(j => j.Key == "bad-1");
        bad.State.ShouldBe(JobState.Pending, "retried later with back-off");
        bad.LastError.ShouldBe("a bad job");
        bad.DueAt.ShouldBeGreaterThan(world.Clock.GetUtcNow());
    }

    private async Task AddDueJobsAsync(string kind, IEnumerable<string> keys)
    {
        await using var db = world.Db();
        db.ScheduledJobs.AddRange(keys.Select(key => new ScheduledJob { Kind = kind, Key = key, DueAt = SlaWorld.Start.AddSeconds(5), CreatedAt = SlaWorld.Start }));
        await db.SaveChangesAsync();
        world.Services.GetRequiredService<JobScheduler>().Nudge(SlaWorld.Start.AddSeconds(5));
    }
}
