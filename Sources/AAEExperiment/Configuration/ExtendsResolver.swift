import AAEReport
import Foundation
import Yams

/// An experiment file composed to one YAML tree: the file merged over the
/// files it `extends`, with the map from the tree's lines back to the files.
struct ComposedExperiment {
    let root: Node
    let sources: SourceMap
}

/// Composes an experiment file and the chain of files it `extends`.
///
/// `extends: base.yaml` (a root key; the path is relative to the extending
/// file) makes a file inherit every key of `base.yaml` and override some: the
/// trees are deep-merged (see `Node.merged(over:)`). Chains are followed to
/// their end; a missing file, a value that is not a path, and a cycle are
/// reported at the `extends` line that causes them. Each file is composed with
/// its lines shifted past the previous files' (see `SourceMap`), so every
/// value keeps the file and line it was written at.
enum ExtendsResolver {
    /// The root key naming the file a file extends.
    static let key = "extends"
    /// Chains longer than this are refused (a cycle through differently
    /// spelled paths would otherwise only end when files run out).
    static let maximumChainLength = 32

    /// Composes the experiment text `data` of `file` and everything it extends.
    static func compose(_ data: Data, file: String) throws -> ComposedExperiment {
        var sources = SourceMap()
        var layers: [Node] = []
        var chain: [(file: String, canonicalPath: String)] = []
        var current: (data: Data, file: String) = (data, file)
        while true {
            let text = try decode(current.data, file: current.file)
            let offset = sources.append(file: current.file, text: text)
            let root = try composeYAML(String(repeating: "\n", count: offset) + text, file: current.file,
                                       sources: sources)
            chain.append((current.file, canonicalPath(current.file)))
            guard case .mapping(let mapping) = root else {
                if layers.isEmpty {
                    layers.append(root)
                } else {
                    throw failure("a file that is extended must be a mapping of keys, found \(describe(root))",
                                  at: root.mark, path: "", sources: sources)
                }
                break
            }
            let ownKeys = mapping.filter { $0.key.scalar?.string != key }.map { ($0.key, $0.value) }
            layers.append(.mapping(Node.Mapping(ownKeys, mapping.tag, mapping.style, mapping.mark)))
            guard let pointer = mapping.first(where: { $0.key.scalar?.string == key })?.value else { break }
            current = try follow(pointer, from: chain, sources: sources)
        }
        let merged = layers.dropLast().reversed().reduce(layers[layers.count - 1]) { base, child in
            child.merged(over: base)
        }
        return ComposedExperiment(root: merged, sources: sources)
    }

    /// Reads the file an `extends` value names, relative to the last file of `chain`.
    private static func follow(_ pointer: Node, from chain: [(file: String, canonicalPath: String)],
                               sources: SourceMap) throws -> (data: Data, file: String) {
        func fail(_ message: String) -> ConfigErrors {
            failure(message, at: pointer.mark, path: key, sources: sources)
        }
        guard case .scalar(let scalar) = pointer, !scalar.string.isEmpty,
              !(scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string)) else {
            throw fail("expected the path of an experiment file (relative to this one), found \(describe(pointer))")
        }
        let target = path(scalar.string, relativeTo: chain[chain.count - 1].file)
        let canonical = canonicalPath(target)
        if chain.contains(where: { $0.canonicalPath == canonical }) {
            let files = chain.map(\.file) + [target]
            throw fail("the files extend each other in a cycle: \(files.joined(separator: " → "))")
        }
        guard chain.count < maximumChainLength else {
            throw fail("a chain of files that extend each other is limited to \(maximumChainLength) files")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            throw fail("no such file `\(target)` to extend")
        }
        guard !isDirectory.boolValue else { throw fail("`\(target)` is a folder, not an experiment file") }
        do {
            return (try Data(contentsOf: URL(fileURLWithPath: target)), target)
        } catch {
            throw fail("cannot read `\(target)`: \(FileErrorMessage.reason(for: error))")
        }
    }

    /// The text of an experiment file, after the checks that come before YAML.
    static func decode(_ data: Data, file: String) throws -> String {
        func fail(_ message: String) -> ConfigErrors {
            ConfigErrors([ConfigDiagnostic(file: file, line: 0, column: 0, keyPath: "", message: message)])
        }
        guard data.count <= ExperimentReader.maximumFileSize else {
            throw fail("the file is \(data.count) bytes; experiment files are limited to \(ExperimentReader.maximumFileSize) bytes")
        }
        guard !data.contains(0), var text = String(data: data, encoding: .utf8) else {
            throw fail("the file is not UTF-8 text (is it a binary file?)")
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return text
    }

    /// Composes shifted YAML text, reporting syntax errors at their file and line.
    private static func composeYAML(_ text: String, file: String, sources: SourceMap) throws -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlFailure(error, sources: sources)
        }
        guard let root else {
            throw ConfigErrors([ConfigDiagnostic(file: file, line: 0, column: 0, keyPath: "", message: "the file is empty")])
        }
        return root
    }

    private static func yamlFailure(_ error: YamlError, sources: SourceMap) -> ConfigErrors {
        func invalid(_ problem: String, _ mark: Mark?, _ context: YamlError.Context?) -> ConfigErrors {
            var message = "invalid YAML: \(problem)"
            if problem.contains("tab character") {
                message += "; indent with spaces (YAML does not allow tabs there)"
            } else if let context, !context.text.isEmpty {
                let start = sources.locate(line: context.mark.line)
                message += " (\(context.text) that starts at line \(start.line), column \(context.mark.column))"
            }
            return failure(message, at: mark, path: "", sources: sources)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return invalid(problem, mark, context)
        case .reader(let problem, _, _, _):
            return invalid(problem, nil, nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            let first = context.mark
            guard let key = duplicates.first,
                  let repeated = lineRepeating(key: key, at: first, in: context.text) else {
                return invalid("duplicate key \(keys)", first, nil)
            }
            return failure("invalid YAML: duplicate key \(keys), first written at line \(sources.locate(line: first.line).line)",
                           line: repeated, column: first.column, path: "", sources: sources)
        default:
            return invalid(String(describing: error), nil, nil)
        }
    }

    /// The line, after `first`, where a block mapping writes `key` again at the
    /// same indentation; nil when the repetition is not found that way (a flow mapping).
    private static func lineRepeating(key: String, at first: Mark, in text: String) -> Int? {
        let indentation = String(repeating: " ", count: max(first.column - 1, 0))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let line = lines[index]
            guard line.hasPrefix(indentation) else { continue }
            let rest = line.dropFirst(indentation.count)
            guard rest.hasPrefix(key) else { continue }
            if rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") { return index + 1 }
        }
        return nil
    }

    /// One diagnostic at a position of the virtual text; a position-less one
    /// names the last file added.
    private static func failure(_ message: String, at mark: Mark?, path: String, sources: SourceMap) -> ConfigErrors {
        failure(message, line: mark?.line ?? 0, column: mark?.column ?? 0, path: path, sources: sources)
    }

    private static func failure(_ message: String, line: Int, column: Int, path: String,
                                sources: SourceMap) -> ConfigErrors {
        let location = line > 0 ? sources.locate(line: line) : (file: sources.sources.last?.file ?? "", line: 0)
        return ConfigErrors([ConfigDiagnostic(file: location.file, line: location.line, column: column,
                                              keyPath: path, message: message)])
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "an empty value" : "`\(scalar.string)`"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// `relative` as seen from the folder of `file`, tidied (`a/./b/../c` → `a/c`),
    /// so that diagnostics name the file as a path the user can open.
    static func path(_ relative: String, relativeTo file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        let joined = relative.hasPrefix("/") || folder.isEmpty ? relative : "\(folder)/\(relative)"
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let tidy = parts.joined(separator: "/")
        return joined.hasPrefix("/") ? "/" + tidy : (tidy.isEmpty ? "." : tidy)
    }

    /// The absolute path of `file` with links resolved, to recognise a file
    /// however it is spelt.
    private static func canonicalPath(_ file: String) -> String {
        URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
