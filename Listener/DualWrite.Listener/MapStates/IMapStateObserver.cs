using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.MapStates;

/// <summary>
/// Told about map states: every registered observer is called after every state change, and once per map when the
/// listener starts. An observer that throws is logged and does not stop the others or the change.
/// </summary>
public interface IMapStateObserver
{
    Task OnMapStateChangedAsync(string mapName, MapRunState state, CancellationToken cancellationToken);
}
