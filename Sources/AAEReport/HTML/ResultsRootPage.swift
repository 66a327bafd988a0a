/// Renders `results/index.html`: one row per experiment with a link to its page, its
/// kind, run count, status counts and a preview thumbnail.
enum ResultsRootPage {
    /// Width in CSS pixels of the preview thumbnails.
    static let previewWidth = 150

    static func html(_ index: ResultsIndex) -> String {
        var body = "<h1>aae-run results</h1>\n"
        let count = index.experiments.count
        body += "<p class=\"lead\">\(count == 1 ? "1 experiment" : "\(count) experiments").</p>\n"
        guard count > 0 else {
            return IndexPageStyle.document(title: "aae-run results", body: body + "<p>No runs yet.</p>\n")
        }
        body += "<div class=\"table-wrap\"><table class=\"sortable\">\n<thead><tr>"
        body += ["experiment", "kind", "runs", "status", "preview"].map { IndexCells.header($0) }.joined()
        body += "</tr></thead>\n<tbody>\n"
        for experiment in index.experiments {
            let name = HTMLText.escape(experiment.name)
            let link = HTMLText.escape(RelativeURL.path([experiment.name, "index.html"]))
            body += "<tr><td class=\"name\" data-sort=\"\(name)\"><a href=\"\(link)\">\(name)</a></td>"
            body += IndexCells.text(experiment.isSweep ? "sweep" : "single")
            body += IndexCells.number(String(experiment.runs.count))
            body += "<td>\(statusCounts(experiment))</td>"
            body += "<td class=\"preview\" data-sort=\"\">\(preview(experiment))</td></tr>\n"
        }
        body += "</tbody>\n</table></div>\n"
        return IndexPageStyle.document(title: "aae-run results", body: body)
    }

    /// Badges such as "2 completed" "1 diverged", counting statuses by their first word.
    private static func statusCounts(_ experiment: IndexedExperiment) -> String {
        var order: [String] = [], counts: [String: Int] = [:]
        for run in experiment.runs {
            let word = String((run.status ?? "unknown").split(separator: " ").first ?? "unknown")
            if counts[word] == nil { order.append(word) }
            counts[word, default: 0] += 1
        }
        return order.map { IndexCells.badge($0, label: "\(counts[$0]!) \($0)") }.joined(separator: " ")
    }

    /// The first figure of the first run that has one, linking to the full-size PNG.
    private static func preview(_ experiment: IndexedExperiment) -> String {
        guard let run = experiment.runs.first(where: { $0.folder != nil && !$0.images.isEmpty }),
              let image = run.images.first else { return "" }
        let href = HTMLText.escape(RelativeURL.path([experiment.name, run.folder ?? "", image]))
        return "<a href=\"\(href)\"><img src=\"\(href)\" width=\"\(previewWidth)\" "
            + "alt=\"\(HTMLText.escape(run.id + " " + image))\"></a>"
    }
}
