using System;

namespace DualWrite.Listener.Alerts;

/// <summary>An alert that fired: what <c>GET /api/alerts</c> lists and the webhook receives.</summary>
/// <param name="Figure">The measured value: failures in the window, or lag in seconds.</param>
/// <param name="PausedMap">The rule paused the map.</param>
public sealed record FiredAlert(string Id, DateTimeOffset At, string Map, string Rule, AlertKind Kind, double Figure, double Threshold, bool PausedMap, string Message);
