using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Chaos.Driving;
using DualWrite.Chaos.Records;

namespace DualWrite.Chaos.Checking;

/// <summary>
/// The run's records as each side holds them after the drain: every row whose key carries the run's prefix, by key
/// (a list, so two rows for one key show as a duplicate), with the fields the run writes.
/// </summary>
public sealed class SideSnapshot
{
    private SideSnapshot(IReadOnlyDictionary<(ChaosEntity, string), List<JsonObject>> finOps, IReadOnlyDictionary<(ChaosEntity, string), List<JsonObject>> dataverse)
    {
        FinOps = finOps;
        Dataverse = dataverse;
    }

    public IReadOnlyDictionary<(ChaosEntity Entity, string Key), List<JsonObject>> FinOps { get; }

    public IReadOnlyDictionary<(ChaosEntity Entity, string Key), List<JsonObject>> Dataverse { get; }

    public static async Task<SideSnapshot> ReadAsync(SideClients clients, string runTag)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var finOps = new Dictionary<(ChaosEntity, string), List<JsonObject>>();
        var dataverse = new Dictionary<(ChaosEntity, string), List<JsonObject>>();
        foreach (var shape in EntityShape.All)
        {
            // F&O's OData has no startswith: a key range [start, start with its last character + 1) instead.
            var start = shape.KeyStart(runTag);
            var end = start[..^1] + (char)(start[^1] + 1);
            var range = "{0} ge '" + start + "' and {0} lt '" + end + "'";
            var finOpsSelect = string.Join(',', new[] { "dataAreaId", shape.FinOpsKeyField }.Concat(shape.Fields.Select(f => f.FinOps)));
            foreach (var row in await ReadAllAsync(clients.FinOps, shape.FinOpsSet + "?cross-company=true&$filter=" + string.Format(System.Globalization.CultureInfo.InvariantCulture, range, shape.FinOpsKeyField) + "&$select=" + finOpsSelect).ConfigureAwait(false))
            {
                Add(finOps, (shape.Entity, Text(row, shape.FinOpsKeyField)), row);
            }

            var dataverseSelect = string.Join(',', new[] { shape.DataverseKeyColumn, "_msdyn_company_value" }.Concat(shape.Fields.Select(f => f.Dataverse)));
            foreach (var row in await ReadAllAsync(clients.Dataverse, shape.DataverseSet + "?$filter=" + string.Format(System.Globalization.CultureInfo.InvariantCulture, range, shape.DataverseKeyColumn) + "&$select=" + dataverseSelect).ConfigureAwait(false))
            {
                Add(dataverse, (shape.Entity, Text(row, shape.DataverseKeyColumn)), row);
            }
        }

        return new SideSnapshot(finOps, dataverse);
    }

    /// <summary>A snapshot from rows already read (the checks' own tests).</summary>
    public static SideSnapshot Create(Dictionary<(ChaosEntity, string), List<JsonObject>> finOps, Dictionary<(ChaosEntity, string), List<JsonObject>> dataverse) =>
        new(finOps, dataverse);

    public static string Text(JsonObject row, string name) => row[name] is JsonValue value ? value.ToString() : string.Empty;

    private static void Add(Dictionary<(ChaosEntity, string), List<JsonObject>> rows, (ChaosEntity, string) key, JsonObject row)
    {
        if (!rows.TryGetValue(key, out var list))
        {
            list = new List<JsonObject>();
            rows[key] = list;
        }

        list.Add(row);
    }

    private static async Task<List<JsonObject>> ReadAllAsync(HttpClient http, string first)
    {
        var rows = new List<JsonObject>();
        string? next = first;
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Add("Prefer", "odata.maxpagesize=5000");
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException("Reading " + first + " failed: " + (int)response.StatusCode + " " + body);
            }

            var page = JsonNode.Parse(body)!.AsObject();
            rows.AddRange(page["value"]!.AsArray().Select(r => r!.AsObject()));
            next = page["@odata.nextLink"]?.GetValue<string>();
        }

        return rows;
    }
}
