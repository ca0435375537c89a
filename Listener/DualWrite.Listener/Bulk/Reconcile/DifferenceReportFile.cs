using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>
/// Every difference of a run, written as it is found (never gathered in memory): CSV for a <c>.csv</c> file, else
/// JSON Lines (one object per line). A null path writes nothing.
/// </summary>
public sealed class DifferenceReportFile : IAsyncDisposable
{
    private static readonly string[] Columns = { "map", "company", "key", "kind", "field", "finOpsValue", "dataverseValue" };

    private readonly StreamWriter? _writer;
    private readonly bool _csv;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public DifferenceReportFile(string? path)
    {
        if (path is null)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _writer = new StreamWriter(full, append: false, new UTF8Encoding(false));
        _csv = string.Equals(Path.GetExtension(full), ".csv", StringComparison.OrdinalIgnoreCase);
        if (_csv)
        {
            _writer.WriteLine(string.Join(",", Columns));
        }
    }

    public long Written { get; private set; }

    public async Task WriteAsync(ReconcileDifference difference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(difference);
        if (_writer is null)
        {
            return;
        }

        var values = new[] { difference.Map, difference.Company, difference.Key, difference.Kind.ToString(), difference.Field, difference.FinOpsValue, difference.DataverseValue };
        var line = _csv ? CsvLine(values) : JsonLine(values);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            Written++;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    private static string CsvLine(string?[] values)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var value = values[i] ?? string.Empty;
            if (value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0)
            {
                builder.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                builder.Append(value);
            }
        }

        return builder.ToString();
    }

    private static string JsonLine(string?[] values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            for (var i = 0; i < Columns.Length; i++)
            {
                if (values[i] is { } value)
                {
                    json.WriteString(Columns[i], value);
                }
                else
                {
                    json.WriteNull(Columns[i]);
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Written} differences written");
}
