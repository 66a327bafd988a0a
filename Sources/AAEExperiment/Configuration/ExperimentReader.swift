import AAECore
import Foundation
import Yams

/// Reads and validates an experiment file: YAML syntax, then every key against
/// the schema, then the sizes of the networks; all problems are reported at once.
public enum ExperimentReader {
    /// Files larger than this are refused before parsing.
    public static let maximumFileSize = 4 << 20

    /// Loads `path`, applies `overrides`, and returns the validated experiment.
    public static func load(path: String, overrides: [Override] = []) throws -> Experiment {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ConfigErrors([ConfigDiagnostic(file: path, line: 0, column: 0, keyPath: "",
                                                 message: "no such experiment file")])
        }
        let data = try Data(contentsOf: url)
        return try parse(data, file: path, overrides: overrides)
    }

    /// Parses experiment text; `file` names it in diagnostics.
    public static func parse(_ data: Data, file: String, overrides: [Override] = []) throws -> Experiment {
        func failure(_ message: String, line: Int = 0, column: Int = 0) -> ConfigErrors {
            ConfigErrors([ConfigDiagnostic(file: file, line: line, column: column, keyPath: "", message: message)])
        }
        guard data.count <= maximumFileSize else {
            throw failure("the file is \(data.count) bytes; experiment files are limited to \(maximumFileSize) bytes")
        }
        guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
            throw failure("the file is not UTF-8 text (is it a binary file?)")
        }
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else { throw failure("the file is empty") }
            root = composed
        } catch let error as YamlError {
            throw yamlFailure(error, file: file)
        }
        var withOverrides = root
        for override in overrides {
            withOverrides = try override.apply(to: withOverrides)
        }
        let log = DiagnosticLog(file: file)
        let experiment = ExperimentSchema.read(ConfigNode(node: withOverrides, path: "", log: log))
        guard log.diagnostics.isEmpty, let experiment else {
            throw ConfigErrors(log.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return experiment
    }

    private static func yamlFailure(_ error: YamlError, file: String) -> ConfigErrors {
        func diagnostic(_ problem: String, _ mark: Mark?) -> ConfigErrors {
            ConfigErrors([ConfigDiagnostic(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                                           keyPath: "", message: "invalid YAML: \(problem)")])
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return diagnostic(problem, mark)
        case .reader(let problem, _, _, _):
            return diagnostic(problem, nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return diagnostic("duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) (\(context.text))",
                              context.mark)
        default:
            return diagnostic(String(describing: error), nil)
        }
    }
}
