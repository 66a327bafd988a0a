/// Renders `results/<experiment>/index.html`: a sortable table of every run, then each
/// run's figures as thumbnails that link to the full-size PNGs.
enum ExperimentPage {
    /// Width in CSS pixels of the figure thumbnails.
    static let thumbnailWidth = 280

    static func html(_ experiment: IndexedExperiment) -> String {
        var body = "<nav><a href=\"../index.html\">← all experiments</a></nav>\n"
        body += "<h1>\(HTMLText.escape(experiment.name))</h1>\n"
        body += "<p class=\"lead\">\(lead(experiment))</p>\n"
        if !experiment.notes.isEmpty {
            body += "<div class=\"notes\"><strong>Could not read everything:</strong><ul>\n"
            body += experiment.notes.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined()
            body += "</ul></div>\n"
        }
        body += runTable(experiment)
        body += "<div class=\"runs\">\n"
        for (index, run) in experiment.runs.enumerated() where run.folder != nil {
            body += runSection(run, number: index + 1)
        }
        body += "</div>\n"
        return IndexPageStyle.document(title: "\(experiment.name) · aae-run results", body: body)
    }

    private static func lead(_ experiment: IndexedExperiment) -> String {
        let kind = experiment.isSweep ? "Sweep" : "Experiment"
        let runs = experiment.runs.count == 1 ? "1 run" : "\(experiment.runs.count) runs"
        let sortHint = experiment.runs.count > 1 ? " Click a column header to sort." : ""
        return "\(kind) with \(runs).\(sortHint)"
    }

    private static func runTable(_ experiment: IndexedExperiment) -> String {
        let parameters = experiment.parameterNames
        let metrics = experiment.metricNames
        let evals = experiment.evalNames
        let extras = experiment.summaryNames
        var headers = [IndexCells.header("run")]
        headers += parameters.map { IndexCells.header($0, group: "param") }
        headers.append(IndexCells.header("status"))
        headers += metrics.map { IndexCells.header($0, group: "final") }
        headers += evals.map { IndexCells.header($0, group: "eval") }
        headers += extras.map { IndexCells.header($0, group: "summary") }

        var html = "<div class=\"table-wrap\"><table class=\"sortable\">\n<thead><tr>"
        html += headers.joined() + "</tr></thead>\n<tbody>\n"
        for (index, run) in experiment.runs.enumerated() {
            var cells: [String] = []
            let name = HTMLText.escape(run.id)
            cells.append(run.folder == nil
                ? "<td class=\"name\" data-sort=\"\(name)\">\(name)</td>"
                : "<td class=\"name\" data-sort=\"\(name)\"><a href=\"#run-\(index + 1)\">\(name)</a></td>")
            cells += parameters.map { name in
                valueCell(run.parameters.first { $0.name == name }, numeric: false)
            }
            cells.append(IndexCells.status(run.status))
            cells += metrics.map { name in valueCell(run.finalMetrics.first { $0.name == name }) }
            cells += evals.map { name in valueCell(run.evalMetrics.first { $0.name == name }) }
            cells += extras.map { name in valueCell(run.summaryValues.first { $0.name == name }) }
            html += "<tr>" + cells.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    private static func valueCell(_ value: IndexedValue?, numeric: Bool = true) -> String {
        guard let value else { return "<td data-sort=\"\"></td>" }
        return numeric ? IndexCells.number(value.value, standardError: value.standardError)
                       : IndexCells.text(value.value)
    }

    private static func runSection(_ run: IndexedRun, number: Int) -> String {
        let folder = run.folder ?? ""
        var html = "<section class=\"run\" id=\"run-\(number)\">\n"
        html += "<h2><a href=\"\(HTMLText.escape(RelativeURL.folder([folder])))\">\(HTMLText.escape(run.id))</a>"
        if let status = run.status { html += " " + IndexCells.badge(status) }
        html += "</h2>\n"
        if !run.dataFiles.isEmpty {
            let links = run.dataFiles.map { file in
                "<a href=\"\(HTMLText.escape(RelativeURL.path([folder, file])))\">\(HTMLText.escape(file))</a>"
            }
            html += "<p class=\"files\">" + links.joined(separator: " · ") + "</p>\n"
        }
        if run.images.isEmpty {
            html += "<p class=\"files\">No figures yet.</p>\n"
        } else {
            html += "<div class=\"gallery\">\n"
            for image in run.images {
                html += thumbnail(href: RelativeURL.path([folder, image]), name: image, width: thumbnailWidth)
            }
            html += "</div>\n"
        }
        return html + "</section>\n"
    }

    /// A figure whose image links to the full-size file.
    static func thumbnail(href: String, name: String, width: Int) -> String {
        let url = HTMLText.escape(href), label = HTMLText.escape(name)
        let caption = name.lowercased().hasSuffix(".png") ? String(name.dropLast(4)) : name
        return "<figure><a href=\"\(url)\"><img src=\"\(url)\" width=\"\(width)\" alt=\"\(label)\"></a>"
            + "<figcaption>\(HTMLText.escape(caption))</figcaption></figure>\n"
    }
}
