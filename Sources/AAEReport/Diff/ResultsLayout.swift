import Foundation

/// File names and folder shapes that `aae-run` writes under `results/`.
///
/// Shared by `ResultsDiff` and `ResultsIndex` so that both agree on what a run folder
/// (a folder holding `metrics.csv`) and a sweep folder (a folder holding `summary.csv`
/// or run folders) are.
enum ResultsLayout {
    static let metricsFile = RunFolderLayout.metricsFileName
    static let evalFile = RunFolderLayout.evaluationFileName
    static let summaryFile = "summary.csv"

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func isFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Whether `url` is a folder holding `metrics.csv`.
    static func isRunFolder(_ url: URL) -> Bool {
        isDirectory(url) && isFile(url.appendingPathComponent(metricsFile))
    }

    /// The names of the visible entries of the folder `url`, in natural order.
    static func entryNames(in url: URL) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        return NaturalOrder.sorted(names.filter { !$0.hasPrefix(".") })
    }

    /// The names of the visible subfolders of `url`, in natural order.
    static func subfolderNames(in url: URL) throws -> [String] {
        try entryNames(in: url).filter { isDirectory(url.appendingPathComponent($0, isDirectory: true)) }
    }

    /// The names of the run folders directly inside `url`, in natural order.
    static func runFolderNames(in url: URL) throws -> [String] {
        try subfolderNames(in: url).filter { isRunFolder(url.appendingPathComponent($0, isDirectory: true)) }
    }
}
