using System.Collections.Generic;

namespace DualWrite.Emulators.Dataverse.SystemJobs;

/// <summary>All system jobs in completion order; safe to append from several threads.</summary>
internal sealed class SystemJobLog
{
    private readonly List<SystemJob> _jobs = [];
    private readonly System.Threading.Lock _gate = new();

    public void Add(SystemJob job)
    {
        lock (_gate)
        {
            _jobs.Add(job);
        }
    }

    public IReadOnlyList<SystemJob> Snapshot()
    {
        lock (_gate)
        {
            return _jobs.ToArray();
        }
    }
}
