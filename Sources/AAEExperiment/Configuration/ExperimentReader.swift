import AAECore
import AAEReport
import Foundation
import Yams

/// Reads and validates an experiment file: YAML syntax, then the files it
/// `extends`, then `--set` overrides, then every key against the schema, then
/// the sizes of the networks; all problems are reported at once.
public enum ExperimentReader {
    /// Files larger than this are refused before parsing.
    public static let maximumFileSize = 4 << 20

    /// Loads `path`, applies `overrides`, and returns the validated experiment.
    public static func load(path: String, overrides: [Override] = []) throws -> Experiment {
        func failure(_ message: String) -> ConfigErrors {
            ConfigErrors([ConfigDiagnostic(file: path, line: 0, column: 0, keyPath: "", message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("no such experiment file")
        }
        guard !isDirectory.boolValue else { throw failure("this is a folder, not an experiment file") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw failure("cannot read the file: \(FileErrorMessage.reason(for: error, path: path))")
        }
        return try parse(data, file: path, overrides: overrides)
    }

    /// Parses experiment text; `file` names it in diagnostics, and a relative
    /// `extends` path is found from its folder.
    public static func parse(_ data: Data, file: String, overrides: [Override] = []) throws -> Experiment {
        let composed = try ExtendsResolver.compose(data, file: file)
        let log = DiagnosticLog(file: file, sources: composed.sources)
        var root = composed.root
        for override in overrides {
            root = override.apply(to: root, log: log)
        }
        guard log.diagnostics.isEmpty else { throw ConfigErrors(log.sortedDiagnostics) }
        let experiment = ExperimentSchema.read(ConfigNode(node: root, path: "", log: log))
        guard log.diagnostics.isEmpty, let experiment else {
            throw ConfigErrors(log.sortedDiagnostics)
        }
        return experiment
    }
}

extension ExperimentReader {
    /// `message` as a diagnostic at the value of `keyPath` (keys joined by dots,
    /// `model.labels_per_class`) in the experiment file `path`, or in the file it
    /// extends that sets it: for a problem found only once a run has its data.
    /// A value that no file sets, or that one of `overrides` (`--set`) gives, is placed at the file itself.
    public static func diagnostic(_ message: String, at keyPath: String, in path: String,
                                  overrides: [Override] = []) -> ConfigDiagnostic {
        let unplaced = ConfigDiagnostic(file: path, line: 0, column: 0, keyPath: keyPath, message: message)
        guard !overrides.contains(where: { $0.keyPath.joined(separator: ".") == keyPath }),
              let data = try? Data(contentsOf: URL(fileURLWithPath: path)),
              let composed = try? ExtendsResolver.compose(data, file: path) else { return unplaced }
        var node: Node? = composed.root
        for key in keyPath.split(separator: ".") { node = node?[String(key)] }
        guard let mark = node?.mark else { return unplaced }
        let located = composed.sources.locate(line: mark.line)
        return ConfigDiagnostic(file: located.file, line: located.line, column: mark.column, keyPath: keyPath,
                                message: message)
    }
}
