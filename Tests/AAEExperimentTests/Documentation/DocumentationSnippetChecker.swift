import AAEExperiment
import Foundation

/// Checks documentation snippets with the reader `aae-run validate` uses
/// (`FileValidation`), each as a file in a scratch copy of experiments/, so
/// that `extends: aae_deterministic.yaml` finds its base as it would beside the
/// shipped files. The IDX files a snippet names (`images: PATH`, `labels: PATH`)
/// are written for it, small but valid, as a reader's own data would be.
final class DocumentationSnippetChecker {
    private let repository: URL
    private let scratch: URL

    init(repository: URL) throws {
        self.repository = repository
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aae-docs-\(UUID().uuidString)")
        let experiments = scratch.appendingPathComponent("experiments")
        try FileManager.default.createDirectory(at: experiments, withIntermediateDirectories: true)
        let shipped = repository.appendingPathComponent("experiments")
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(name),
                                             to: experiments.appendingPathComponent(name))
        }
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// What is wrong with `snippet`; empty when it is what its first line says.
    func problems(_ snippet: DocumentationSnippet) throws -> [String] {
        let name = snippet.page.replacingOccurrences(of: "/", with: "_") + "-line\(snippet.line)"
        let folder = scratch.appendingPathComponent("experiments")
        var text = snippet.text
        var addedLines = 0, indentation = 0
        if case .fragment(let base, let under) = snippet.kind {
            let baseURL = scratch.appendingPathComponent(base)
            guard base.hasPrefix("experiments/"), FileManager.default.fileExists(atPath: baseURL.path) else {
                return ["\(snippet.location): the fragment's base `\(base)` is not a file of experiments/"]
            }
            text = "extends: \(baseURL.path)\n" + nested(snippet.text, under: under)
            addedLines = 1 + under.count
            indentation = 2 * under.count
        }
        try writeIDXFiles(named: text, relativeTo: folder)
        let file = folder.appendingPathComponent("\(name).yaml")
        try Data(text.utf8).write(to: file)
        let validation = FileValidation(path: file.path)
        let diagnostics = validation.diagnostics.map { diagnostic in
            // The snippet's own lines are reported at their line of the page.
            guard diagnostic.file == file.path, diagnostic.line > addedLines else { return "\(diagnostic)" }
            return ConfigDiagnostic(file: snippet.page, line: snippet.line + diagnostic.line - addedLines,
                                    column: max(diagnostic.column - indentation, 1),
                                    keyPath: diagnostic.keyPath, message: diagnostic.message).description
        }
        switch snippet.kind {
        case .experiment, .fragment:
            return validation.isValid ? [] : ["\(snippet.location): the snippet is not a valid experiment:"] + diagnostics
        case .shipped(let path):
            guard validation.isValid else {
                return ["\(snippet.location): the snippet of \(path) is not a valid experiment:"] + diagnostics
            }
            let shipped = repository.appendingPathComponent(path)
            guard let original = try? String(contentsOf: shipped, encoding: .utf8) else {
                return ["\(snippet.location): `\(path)` is not a shipped file"]
            }
            return keyLines(original) == keyLines(snippet.text)
                ? [] : ["\(snippet.location): the snippet differs from \(path) (comments aside)"]
        case .invalid(let expected):
            if validation.isValid { return ["\(snippet.location): the snippet marked invalid validates"] }
            return diagnostics.contains { $0.contains(expected) }
                ? [] : ["\(snippet.location): no diagnostic contains `\(expected)`:"] + diagnostics
        }
    }

    /// `text` indented under the mappings of `keys` (`model` → `model:\n  text`).
    private func nested(_ text: String, under keys: [String]) -> String {
        var result = text
        for key in keys.reversed() {
            let indented = result.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  \($0)" }.joined(separator: "\n")
            result = "\(key):\n" + indented
        }
        return result
    }

    private func keyLines(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
    }

    /// Writes 256 blank 28 × 28 images (labels 0…9 in turn) at every relative
    /// `images:` path of `text`, and their labels at every `labels:` path.
    private func writeIDXFiles(named text: String, relativeTo folder: URL) throws {
        let count = 256
        let pattern = try NSRegularExpression(pattern: #"\b(images|labels):\s*([^\s,{}\[\]]+)"#)
        let range = NSRange(text.startIndex..., in: text)
        for match in pattern.matches(in: text, range: range) {
            guard let kindRange = Range(match.range(at: 1), in: text),
                  let pathRange = Range(match.range(at: 2), in: text) else { continue }
            let path = String(text[pathRange])
            guard !path.hasPrefix("/") else { continue }
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            let bytes = text[kindRange] == "images"
                ? header(0x0803, [count, 28, 28]) + [UInt8](repeating: 0, count: count * 28 * 28)
                : header(0x0801, [count]) + (0..<count).map { UInt8($0 % 10) }
            try Data(bytes).write(to: url)
        }
    }

    private func header(_ magic: UInt32, _ dimensions: [Int]) -> [UInt8] {
        ([magic] + dimensions.map(UInt32.init)).flatMap { value in
            [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
        }
    }
}
