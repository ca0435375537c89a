using System.Text.Encodings.Web;
using System.Text.Json;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// Writer options for every JSON answer: quotes, '+' and non-ASCII letters are written as themselves
/// (as F&amp;O writes them) rather than as \u escapes; the output is JSON, never embedded in HTML.
/// </summary>
internal static class JsonOutput
{
    public static JsonWriterOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
