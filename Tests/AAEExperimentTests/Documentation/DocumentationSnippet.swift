import Foundation

/// A fenced ```yaml block of a Markdown page, with what its first line says it is.
///
/// - `# fragment of experiments/x.yaml` (optionally `under model`): a part of an
///   experiment, checked merged over that base file (as `extends` merges), placed
///   under the dotted key path when one is given;
/// - `# invalid: text`: a file shown for its error; it must be rejected with a
///   diagnostic that contains `text`;
/// - `# experiments/x.yaml`: a shipped file shown whole; it must validate and
///   its keys must be the file's (comments aside);
/// - anything else: a complete experiment file that must validate.
struct DocumentationSnippet {
    enum Kind: Equatable {
        case experiment
        case shipped(path: String)
        case fragment(base: String, under: [String])
        case invalid(expected: String)
    }

    /// The page, relative to the repository (`docs/sweeps.md`).
    let page: String
    /// The line of the opening fence.
    let line: Int
    let text: String
    let kind: Kind

    var location: String { "\(page):\(line)" }

    /// Every ```yaml block of `markdown`, in order.
    static func extract(from markdown: String, page: String) -> [DocumentationSnippet] {
        var snippets: [DocumentationSnippet] = []
        var open: (line: Int, isYAML: Bool, fence: String)?
        var body: [Substring] = []
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop(while: { $0 == " " })
            if let current = open {
                if trimmed.hasPrefix(current.fence), trimmed.drop(while: { $0 == "`" || $0 == "~" })
                    .allSatisfy({ $0 == " " }) {
                    if current.isYAML {
                        let text = body.joined(separator: "\n") + "\n"
                        snippets.append(DocumentationSnippet(page: page, line: current.line, text: text,
                                                             kind: kind(of: text)))
                    }
                    open = nil
                    body = []
                } else {
                    body.append(line)
                }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let fence = String(trimmed.prefix(while: { $0 == trimmed.first }))
                let info = trimmed.dropFirst(fence.count).trimmingCharacters(in: .whitespaces).lowercased()
                open = (index + 1, info == "yaml" || info == "yml", fence)
            }
        }
        return snippets
    }

    private static func kind(of text: String) -> Kind {
        let first = text.prefix(while: { $0 != "\n" }).trimmingCharacters(in: .whitespaces)
        guard first.hasPrefix("#") else { return .experiment }
        let comment = first.dropFirst().trimmingCharacters(in: .whitespaces)
        if comment.hasPrefix("invalid:") {
            return .invalid(expected: comment.dropFirst("invalid:".count).trimmingCharacters(in: .whitespaces))
        }
        if comment.hasPrefix("fragment of ") {
            let rest = comment.dropFirst("fragment of ".count).split(separator: " ", omittingEmptySubsequences: true)
            let under = rest.count >= 3 && rest[1] == "under"
                ? rest[2].split(separator: ".").map(String.init) : []
            return .fragment(base: rest.first.map(String.init) ?? "", under: under)
        }
        if comment.hasPrefix("experiments/"), comment.hasSuffix(".yaml"), !comment.contains(" ") {
            return .shipped(path: comment)
        }
        return .experiment
    }
}
