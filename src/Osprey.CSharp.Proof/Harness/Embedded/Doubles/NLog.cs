// Test double for NLog: logging calls are accepted and discarded.
using System;

namespace NLog
{
    public sealed class LogLevel
    {
        private LogLevel(string name) { Name = name; }
        public string Name { get; }
        public static readonly LogLevel Trace = new LogLevel("Trace");
        public static readonly LogLevel Debug = new LogLevel("Debug");
        public static readonly LogLevel Info = new LogLevel("Info");
        public static readonly LogLevel Warn = new LogLevel("Warn");
        public static readonly LogLevel Error = new LogLevel("Error");
        public static readonly LogLevel Fatal = new LogLevel("Fatal");
    }

    public sealed class Logger
    {
        public void Log(LogLevel level, string message, params object[] args) { }
        public void Log(LogLevel level, Exception exception, string message, params object[] args) { }
        public void Log(LogLevel level, object value) { }
        public void Trace(string message, params object[] args) { }
        public void Debug(string message, params object[] args) { }
        public void Info(string message, params object[] args) { }
        public void Warn(string message, params object[] args) { }
        public void Warn(Exception exception, string message, params object[] args) { }
        public void Error(string message, params object[] args) { }
        public void Error(Exception exception, string message, params object[] args) { }
        public void Fatal(string message, params object[] args) { }
    }

    public static class LogManager
    {
        public static Logger GetCurrentClassLogger() => new Logger();
        public static Logger GetLogger(string name) => new Logger();
    }
}
