using DualWrite.Listener.Bulk.InitialSync;

namespace DualWrite.Listener.Commands;

/// <summary>What <c>dualwrite initial-sync</c> returns, for scripts.</summary>
internal static class InitialSyncExitCodes
{
    /// <summary>Every selected map ran to its end and every row was written (or is outside its filter).</summary>
    public const int AllWritten = 0;

    /// <summary>Every map ran to its end; some records were refused (each one in the error store and the report).</summary>
    public const int RecordErrors = 1;

    /// <summary>Configuration problems, an unknown map, or an unfinished run without --resume or --restart: nothing ran.</summary>
    public const int ConfigurationProblem = 2;

    /// <summary>A map could not run to its end (its source unreadable, a store failing); later waves did not run.</summary>
    public const int MapFailed = 3;

    /// <summary>Interrupted (Ctrl+C): --resume continues from the checkpoints.</summary>
    public const int Interrupted = 130;

    public static int For(InitialSyncSummary summary)
    {
        if (summary.Problems.Count > 0)
        {
            return ConfigurationProblem;
        }

        if (summary.Interrupted)
        {
            return Interrupted;
        }

        if (!summary.AllCompleted)
        {
            return MapFailed;
        }

        return summary.Failed > 0 ? RecordErrors : AllWritten;
    }
}
