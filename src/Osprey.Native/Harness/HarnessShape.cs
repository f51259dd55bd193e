namespace Osprey.Native.Harness;

/// <summary>How a libFuzzer input is fed to an entry point, chosen from its signature.</summary>
internal enum HarnessShape
{
    /// <summary>The project's own <c>LLVMFuzzerTestOneInput</c>: used as it is.</summary>
    ExistingFuzzTarget = 0,
    /// <summary><c>f(const uint8_t *data, size_t size)</c>: an exact-size heap copy and its length.</summary>
    BytesAndLength = 1,
    /// <summary><c>f(const char *text)</c>: the input as a NUL-terminated string.</summary>
    CString = 2,
    /// <summary><c>f(const char *path)</c>: the input written to a file, its path passed.</summary>
    TempFilePath = 3,
    /// <summary><c>f(FILE *stream)</c>: the input as an in-memory stream.</summary>
    FilePointer = 4,
    /// <summary><c>f(int fd)</c>: the input written to a file, opened for reading.</summary>
    FileDescriptor = 5,
    /// <summary>Several scalar and string parameters: the input split between them.</summary>
    SplitInput = 6,
    /// <summary><c>main</c>: the input as standard input and as the file named by <c>argv[1]</c>.</summary>
    MainProgram = 7,
}
