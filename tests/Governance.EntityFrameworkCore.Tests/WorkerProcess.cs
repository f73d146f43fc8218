using System.Collections.Concurrent;
using System.Diagnostics;

namespace Governance.Tests.Storage;

/// <summary>The storage worker (tests/Workers/Governance.StorageWorker) as a child process, with the lines it printed.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _errors = new();

    public WorkerProcess(string mode, ITestDatabase database, string tag, int operations = 100)
    {
        var worker = Path.Combine(Path.GetDirectoryName(typeof(StorageWorker.StorageWorld).Assembly.Location)!, "Governance.StorageWorker.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { worker, mode, database.Provider, database.ConnectionString, tag, operations.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _closed.TrySetResult();
                return;
            }

            _lines.Enqueue(e.Data);
            _arrived.Release();
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _errors.Enqueue(e.Data);
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Every line printed so far.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>What it wrote to standard error.</summary>
    public string Errors => string.Join(Environment.NewLine, _errors);

    public async Task WaitForReadyAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!_lines.Contains("ready"))
        {
            if (_process.HasExited && !_lines.Contains("ready"))
            {
                await _closed.Task.WaitAsync(timeout.Token);
                Assert.Fail($"The worker exited with {_process.ExitCode} before it was ready: {Errors}");
            }

            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> printed lines start with <paramref name="prefix"/>.</summary>
    public async Task WaitForAsync(string prefix, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (_lines.Count(l => l.StartsWith(prefix, StringComparison.Ordinal)) < count)
        {
            Assert.False(_process.HasExited, $"The worker exited with {(_process.HasExited ? _process.ExitCode : 0)}: {Errors}");
            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    public void Send(string line) => _process.StandardInput.WriteLine(line);

    /// <summary>SIGKILL: the process gets no chance to finish anything; then every line it printed is read.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await _process.WaitForExitAsync(timeout.Token);
        await _closed.Task.WaitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _arrived.Dispose();
    }
}
