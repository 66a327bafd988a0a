import Foundation

/// The Markdown pages of the repository: README.md and docs/*.md.
enum DocumentationPages {
    static func all(in repository: URL) throws -> [(page: String, text: String)] {
        let docs = repository.appendingPathComponent("docs")
        let pages = ["README.md"] + (try FileManager.default.contentsOfDirectory(atPath: docs.path))
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
        return try pages.map { ($0, try String(contentsOf: repository.appendingPathComponent($0), encoding: .utf8)) }
    }
}
