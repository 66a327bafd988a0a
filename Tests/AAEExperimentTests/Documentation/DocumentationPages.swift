import Foundation

/// The Markdown pages of the repository: README.md and docs/*.md.
enum DocumentationPages {
    static func all(in repository: URL) throws -> [(page: String, text: String)] {
        let docs = repository.appendingPathComponent("docs")
        let pages = ["README.md"] + (try FileManager.default.contentsOfDirectory(atPath: docs.path))
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
        return try pages.map { ($0, try String(contentsOf: repository.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The anchors of a page's headings (outside code fences), spelt as GitHub
    /// spells them: lower case, punctuation dropped, spaces as hyphens.
    static func headingAnchors(_ markdown: String) -> [String] {
        var anchors: [String] = []
        var inFence = false
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, line.hasPrefix("#") else { continue }
            let title = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces).lowercased()
            let kept = title.unicodeScalars.filter {
                CharacterSet.alphanumerics.contains($0) || $0 == " " || $0 == "-" || $0 == "_"
            }
            anchors.append(String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-"))
        }
        return anchors
    }
}
