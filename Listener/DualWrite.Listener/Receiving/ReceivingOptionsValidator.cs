using System;
using DualWrite.Listener.Hosting;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Receiving;

public sealed class ReceivingOptionsValidator : IValidateOptions<ReceivingOptions>
{
    public ValidateOptionsResult Validate(string? name, ReceivingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems(ReceivingOptions.SectionName);
        problems.Require(!string.IsNullOrWhiteSpace(options.Urls), nameof(options.Urls), "must name at least one URL", options.Urls);
        problems.Require(
            options.Path is not null && options.Path.StartsWith('/'),
            nameof(options.Path),
            "must start with '/'",
            options.Path);
        problems.AtLeast(nameof(options.MaxBodyBytes), options.MaxBodyBytes, 1);
        problems.Require(
            !string.IsNullOrEmpty(options.SharedSecret) || !string.IsNullOrEmpty(options.HmacKey),
            nameof(options.SharedSecret) + "/" + nameof(options.HmacKey),
            "must be set (at least one), or no sender can be authenticated",
            null);
        problems.Require(!string.IsNullOrWhiteSpace(options.SharedSecretHeader), nameof(options.SharedSecretHeader), "must name a header", options.SharedSecretHeader);
        problems.Require(!string.IsNullOrWhiteSpace(options.SignatureHeader), nameof(options.SignatureHeader), "must name a header", options.SignatureHeader);
        problems.Require(!string.IsNullOrWhiteSpace(options.TimestampHeader), nameof(options.TimestampHeader), "must name a header", options.TimestampHeader);
        problems.Positive(nameof(options.SignatureTolerance), options.SignatureTolerance);
        problems.Positive(nameof(options.MaxEventAge), options.MaxEventAge);
        problems.Require(options.MaxClockSkew >= TimeSpan.Zero, nameof(options.MaxClockSkew), "must not be negative", options.MaxClockSkew);
        return problems.ToResult();
    }
}
