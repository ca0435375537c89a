using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Emulators.FinOps.Seed;

namespace DualWrite.Emulators.Throughput;

/// <summary>
/// The F&amp;O emulator with N customers: every organization customer read in server pages of 10,000 (next links),
/// then as the initial sync reads them (keyset <c>$filter</c> after the last key, <c>$orderby</c> the key,
/// <c>$select</c>), then $batch GETs by key.
/// </summary>
public static class FinOpsScenario
{
    private const string Select = "dataAreaId,CustomerAccount,OrganizationName,CustomerGroupId,CreditLimit,PaymentTerms,SalesCurrencyCode," +
        "PrimaryContactEmail,PrimaryContactPhone,DeliveryAddressCity,DeliveryAddressCountryRegionISOCode,DeliveryAddressState,DeliveryAddressStreet,DeliveryAddressZipCode";

    public static async Task RunAsync(ThroughputOptions options)
    {
        await using var emulator = await FinOpsEmulator.StartAsync(new FinOpsEmulatorOptions { Seed = SeedOptions.WithCustomers(options.Rows) }).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"F&O: {options.Rows:N0} customers seeded in {emulator.SeedReport.Elapsed.TotalSeconds:0.0} s"));
        using var http = await emulator.CreateAuthenticatedClientAsync().ConfigureAwait(false);
        http.Timeout = TimeSpan.FromMinutes(10);

        await Timing.MedianRateAsync("read all, next links, pages of 10,000", options.Repeat, _ =>
            ReadByNextLinksAsync(http, "CustomersV3?cross-company=true&$filter=PartyType eq 'Organization'")).ConfigureAwait(false);
        await Timing.MedianRateAsync("read all, next links, $select, pages of 10,000", options.Repeat, _ =>
            ReadByNextLinksAsync(http, "CustomersV3?cross-company=true&$filter=PartyType eq 'Organization'&$select=" + Select)).ConfigureAwait(false);
        await Timing.MedianRateAsync("read all, keyset $filter + $orderby + $select, 10,000", options.Repeat, _ =>
            ReadByKeysetAsync(http)).ConfigureAwait(false);
        await Timing.MedianRateAsync("$batch of 100 GETs by key x 20", options.Repeat, _ =>
            BatchGetsAsync(http, 20, 100)).ConfigureAwait(false);
    }

    private static async Task<long> ReadByNextLinksAsync(HttpClient http, string first)
    {
        long rows = 0;
        string? next = first;
        while (next is not null)
        {
            var page = await PageAsync(http, next).ConfigureAwait(false);
            rows += page["value"]!.AsArray().Count;
            next = page["@odata.nextLink"]?.GetValue<string>();
        }

        return rows;
    }

    private static async Task<long> ReadByKeysetAsync(HttpClient http)
    {
        long rows = 0;
        string? company = null, account = null;
        while (true)
        {
            var filter = "PartyType eq 'Organization'";
            if (company is not null)
            {
                filter = $"({filter}) and ((dataAreaId gt '{company}') or (dataAreaId eq '{company}' and CustomerAccount gt '{account}'))";
            }

            var page = await PageAsync(http, $"CustomersV3?cross-company=true&$filter={Uri.EscapeDataString(filter)}&$orderby=dataAreaId asc,CustomerAccount asc&$select={Select}").ConfigureAwait(false);
            var values = page["value"]!.AsArray();
            rows += values.Count;
            if (values.Count == 0 || page["@odata.nextLink"] is null)
            {
                return rows;
            }

            company = (string)values[^1]!["dataAreaId"]!;
            account = (string)values[^1]!["CustomerAccount"]!;
        }
    }

    private static async Task<long> BatchGetsAsync(HttpClient http, int batches, int size)
    {
        var keys = await PageAsync(http, $"CustomersV3?cross-company=true&$select=dataAreaId,CustomerAccount&$top={batches * size}").ConfigureAwait(false);
        var values = keys["value"]!.AsArray();
        for (var b = 0; b < batches; b++)
        {
            var boundary = "batch_" + Guid.NewGuid().ToString("N");
            var body = new StringBuilder();
            for (var i = b * size; i < Math.Min(values.Count, (b + 1) * size); i++)
            {
                body.Append("--").Append(boundary).Append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
                body.Append("GET ").Append(http.BaseAddress).Append("CustomersV3(dataAreaId='").Append((string)values[i]!["dataAreaId"]!)
                    .Append("',CustomerAccount='").Append((string)values[i]!["CustomerAccount"]!).Append("')?cross-company=true HTTP/1.1\r\nAccept: application/json\r\n\r\n");
            }

            body.Append("--").Append(boundary).Append("--\r\n");
            using var content = new StringContent(body.ToString(), Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=" + boundary);
            using var response = await http.PostAsync("$batch", content).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || text.Contains("HTTP/1.1 4", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("$batch: " + (int)response.StatusCode + " " + text[..Math.Min(500, text.Length)]);
            }
        }

        return batches * size;
    }

    private static async Task<JsonNode> PageAsync(HttpClient http, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Prefer", "odata.maxpagesize=10000");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException("GET " + url + ": " + (int)response.StatusCode + " " + text[..Math.Min(500, text.Length)]);
        }

        return JsonNode.Parse(text)!;
    }
}
