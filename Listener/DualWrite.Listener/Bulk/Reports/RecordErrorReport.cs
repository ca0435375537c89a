using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using DualWrite.Listener.ErrorQueue;

namespace DualWrite.Listener.Bulk.Reports;

/// <summary>
/// A run's record errors as files an operator can open: <c>&lt;prefix&gt;-errors.csv</c> and
/// <c>&lt;prefix&gt;-errors.json</c> (an array of objects), each error appended as it happens and flushed per batch,
/// so a run of any size never holds its errors in memory and a killed run leaves every error seen so far. Thread-safe.
/// </summary>
public sealed class RecordErrorReport : IDisposable
{
    private static readonly string[] Header = ["map", "direction", "key", "field", "status", "reason"];

    private readonly object _gate = new();
    private readonly StreamWriter _csv;
    private readonly FileStream _jsonStream;
    private readonly Utf8JsonWriter _json;
    private bool _disposed;

    public RecordErrorReport(string directory, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        Directory.CreateDirectory(directory);
        CsvPath = Path.GetFullPath(Path.Combine(directory, prefix + "-errors.csv"));
        JsonPath = Path.GetFullPath(Path.Combine(directory, prefix + "-errors.json"));
        _csv = new StreamWriter(CsvPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _csv.WriteLine(string.Join(",", Header));
        _jsonStream = new FileStream(JsonPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        _json = new Utf8JsonWriter(_jsonStream, new JsonWriterOptions { Indented = true });
        _json.WriteStartArray();
    }

    public string CsvPath { get; }

    public string JsonPath { get; }

    public long Count { get; private set; }

    public void Add(IReadOnlyList<RecordError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var error in errors)
            {
                _csv.WriteLine(string.Join(",", Csv(error.Map), Csv(error.Direction), Csv(error.RecordKey), Csv(error.Field), error.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), Csv(error.Reason)));
                _json.WriteStartObject();
                _json.WriteString("map", error.Map);
                _json.WriteString("direction", error.Direction);
                _json.WriteString("key", error.RecordKey);
                _json.WriteString("field", error.Field);
                _json.WriteNumber("status", error.StatusCode);
                _json.WriteString("reason", error.Reason);
                _json.WriteEndObject();
                Count++;
            }

            _csv.Flush();
            _json.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _json.WriteEndArray();
            _json.Dispose();
            _jsonStream.Dispose();
            _csv.Dispose();
        }
    }

    /// <summary>RFC 4180: a value with a comma, quote or line break is quoted, quotes doubled.</summary>
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
