// Compiled into harnesses of ASP.NET Core apps (not into Osprey): boots the app's own Program in
// the harness process with an in-memory server in place of Kestrel (no socket is opened) and a
// policy evaluator that signs every request in with the roles its endpoint asks for, then hands
// crafted requests to the app's own pipeline: middleware, routing, model binding, DI.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

internal static class __OspreyWebHost
{
    private static readonly TaskCompletionSource<bool> Started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    private static readonly object Gate = new object();
    private static Task<string> _boot;

    internal static IHost Host;

    internal static Func<IFeatureCollection, Task<Exception>> Application;

    // Boots the app once per process; returns null when it serves requests, else why it does not.
    internal static Task<string> EnsureStarted(string appType, string appMethod)
    {
        lock (Gate)
        {
            return _boot ??= Boot(appType, appMethod);
        }
    }

    private static async Task<string> Boot(string appType, string appMethod)
    {
        CopySettings();
        DiagnosticListener.AllListeners.Subscribe(new __OspreyHostObserver());
        // Console logs go to standard error: standard output carries the harness's report.
        var args = new[] { "--Logging:Console:LogToStandardErrorThreshold=Trace", "--Logging:Console:FormatterName=simple" };
        var main = Task.Run(() => RunMain(appType, appMethod, args));
        var first = await Task.WhenAny(Started.Task, main, Task.Delay(TimeSpan.FromSeconds(20))).ConfigureAwait(false);
        if (first == main && !Started.Task.IsCompleted)
        {
            if (main.IsFaulted)
            {
                var error = main.Exception.GetBaseException();
                return "the app's startup threw " + error.GetType().FullName + ": " + error.Message;
            }

            // A Main that builds the host but does not run it: start it here.
            if (Host != null)
            {
                await Host.StartAsync().ConfigureAwait(false);
            }
        }

        return Started.Task.IsCompleted ? null : "the app did not start serving requests";
    }

    private static async Task RunMain(string appType, string appMethod, string[] args)
    {
        var type = typeof(__OspreyWebHost).Assembly.GetType(appType, true);
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).First(m => m.Name == appMethod);
        object result;
        try
        {
            result = method.Invoke(null, method.GetParameters().Length == 0 ? new object[0] : new object[] { args });
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            throw e.InnerException;
        }

        if (result is Task task)
        {
            await task.ConfigureAwait(false);
        }
    }

    // appsettings*.json were copied beside the harness; the content root is the sandbox's working directory.
    private static void CopySettings()
    {
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "appsettings*.json"))
        {
            var copy = Path.Combine(Environment.CurrentDirectory, Path.GetFileName(file));
            if (!File.Exists(copy))
            {
                try { File.Copy(file, copy); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }

    internal static void Configure(IServiceCollection services)
    {
        services.AddSingleton<IServer, __OspreyServer>();
        services.AddSingleton<IPolicyEvaluator, __OspreyPolicyEvaluator>();
    }

    internal static void ServerStarted(Func<IFeatureCollection, Task<Exception>> application)
    {
        Application = application;
        Started.TrySetResult(true);
    }
}

// Receives the hosting events of Microsoft.Extensions.Hosting: the builder before the service
// provider is made (where the server and the policy evaluator are replaced) and the built host.
internal sealed class __OspreyHostObserver : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object>>
{
    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.Extensions.Hosting") listener.Subscribe(this);
    }

    public void OnNext(KeyValuePair<string, object> value)
    {
        if (value.Key == "HostBuilding" && value.Value is IHostBuilder builder)
        {
            builder.ConfigureServices((_, services) => __OspreyWebHost.Configure(services));
        }
        else if (value.Key == "HostBuilt" && value.Value is IHost host)
        {
            __OspreyWebHost.Host = host;
        }
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }
}

// The server: no socket; requests arrive as feature collections from the driver.
internal sealed class __OspreyServer : IServer
{
    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
    {
        __OspreyWebHost.ServerStarted(features => Process(application, features));
        return Task.CompletedTask;
    }

    private static async Task<Exception> Process<TContext>(IHttpApplication<TContext> application, IFeatureCollection features)
    {
        var context = application.CreateContext(features);
        Exception error = null;
        try
        {
            await application.ProcessRequestAsync(context).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = e;
        }

        application.DisposeContext(context, error);
        return error;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() { }
}

// Signs each request in as a user holding every role its endpoint's policy names (the proof states
// which roles the replay needs); endpoints that allow anonymous users see an anonymous request.
internal sealed class __OspreyPolicyEvaluator : IPolicyEvaluator
{
    public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint != null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() != null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new Claim(ClaimTypes.Name, "osprey"), new Claim(ClaimTypes.NameIdentifier, "osprey") };
        claims.AddRange(policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "Osprey"));
        context.User = principal;
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, "Osprey")));
    }

    public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object resource) =>
        Task.FromResult(PolicyAuthorizationResult.Success());
}
