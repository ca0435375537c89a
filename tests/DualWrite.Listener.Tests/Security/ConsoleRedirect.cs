using System;
using System.IO;

namespace DualWrite.Listener.Tests.Security;

/// <summary>Sends Console.Out and Console.Error into one writer until disposed (only in <see cref="ConsoleCaptureCollection"/>).</summary>
public sealed class ConsoleRedirect : IDisposable
{
    private readonly TextWriter originalOut = Console.Out;
    private readonly TextWriter originalError = Console.Error;
    private readonly StringWriter captured = new();

    public ConsoleRedirect()
    {
        var synchronized = TextWriter.Synchronized(captured);
        Console.SetOut(synchronized);
        Console.SetError(synchronized);
    }

    public string Text
    {
        get
        {
            lock (captured)
            {
                return captured.ToString();
            }
        }
    }

    public void Dispose()
    {
        Console.SetOut(originalOut);
        Console.SetError(originalError);
        captured.Dispose();
    }
}
