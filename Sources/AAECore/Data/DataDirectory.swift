import Foundation

/// Decides where data sets live: the `--data-dir` flag, else `$AAE_DATA_DIR`, else `./data`.
///
/// MNIST files are expected in the `mnist/` folder below that directory, which is where
/// `make data` puts them; Fashion-MNIST's in its `fashion-mnist/` folder or where Debian's
/// package installs them (see `FashionMNIST`).
public enum DataDirectory {
    /// The environment variable that overrides the default data directory.
    public static let environmentVariable = "AAE_DATA_DIR"
    /// Used when neither the flag nor the environment variable is set.
    public static let defaultPath = "data"

    /// The data root: `explicit` if given, else `$AAE_DATA_DIR`, else `./data`. Empty values count as unset.
    public static func resolve(explicit: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let chosen = [explicit, environment[environmentVariable]]
            .compactMap { $0 }
            .first { !$0.isEmpty } ?? defaultPath
        return URL(fileURLWithPath: (chosen as NSString).expandingTildeInPath)
    }

    /// The folder below `root` that holds the MNIST files.
    public static func mnist(in root: URL) -> URL {
        root.appendingPathComponent("mnist", isDirectory: true)
    }
}
