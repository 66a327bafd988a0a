/// The shared look of the results index pages: a complete HTML document around a body,
/// with inline CSS and the inline table-sorting script.
///
/// Everything is inline so the pages work straight from `file://`, offline, with no server,
/// no external scripts and no web fonts.
enum IndexPageStyle {
    /// A whole HTML5 document; `title` is escaped here, `body` must already be HTML.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(css)</style>
        </head>
        <body>
        \(body)<footer>Written by <code>aae-run index</code>.</footer>
        <script>
        \(sortScript)</script>
        </body>
        </html>

        """
    }

    static let css = """
        body { margin: 24px 32px 40px; color: #1f2328; background: #ffffff;
               font: 14px/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 16px; margin: 0 0 6px; }
        a { color: #0b5cad; text-decoration: none; }
        a:hover { text-decoration: underline; }
        nav { font-size: 13px; margin-bottom: 10px; }
        p.lead { color: #57606a; margin: 0 0 18px; }
        .notes { background: #fff8e1; border: 1px solid #f0d58a; border-radius: 6px;
                 padding: 8px 14px; margin: 0 0 16px; font-size: 13px; }
        .table-wrap { overflow-x: auto; border: 1px solid #d0d7de; border-radius: 6px;
                      margin-bottom: 28px; max-width: 100%; width: max-content; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { padding: 6px 10px; border-bottom: 1px solid #eaeef2; text-align: left; vertical-align: middle; }
        tbody tr:last-child td { border-bottom: none; }
        th { background: #f6f8fa; font-weight: 600; vertical-align: bottom; line-height: 1.25; }
        th .group { display: block; font-size: 10px; font-weight: 500; letter-spacing: .04em;
                    text-transform: uppercase; color: #8c959f; }
        th.sortable { cursor: pointer; user-select: none; }
        th.sortable:hover { background: #eef1f4; }
        th.sortable:hover::after { content: " \\2195"; color: #afb8c1; font-weight: 400; }
        th[aria-sort="ascending"]::after { content: " \\25B2"; color: #0b5cad; }
        th[aria-sort="descending"]::after { content: " \\25BC"; color: #0b5cad; }
        tbody tr:nth-child(even) td { background: #fbfcfd; }
        tbody tr:hover td { background: #f1f6fc; }
        td.num { text-align: right; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace;
                 font-size: 12.5px; white-space: nowrap; }
        td.name { white-space: nowrap; font-weight: 600; }
        td.preview img { display: block; }
        .se { color: #8c959f; }
        .status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
                  white-space: nowrap; background: #eaeef2; color: #424a53; }
        .status.ok { background: #dafbe1; color: #116329; }
        .status.bad { background: #ffebe9; color: #a40e26; }
        .runs { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
        section.run { border: 1px solid #d0d7de; border-radius: 6px; padding: 12px 14px 10px; }
        section.run .files { font-size: 13px; color: #57606a; margin: 0 0 10px; }
        .gallery { display: flex; flex-wrap: wrap; gap: 14px; }
        figure { margin: 0; }
        figure img, td.preview img { border: 1px solid #d0d7de; border-radius: 4px; background: #ffffff;
                                     height: auto; }
        figcaption { font-size: 12px; color: #57606a; text-align: center; margin-top: 3px; }
        footer { margin-top: 28px; font-size: 12px; color: #8c959f; }

        """

    /// Sorts a `table.sortable` by the clicked header: numbers numerically, text in natural
    /// order, empty cells and `nan` always last; clicking again reverses.
    static let sortScript = """
        (function () {
          function key(row, column) {
            var cell = row.cells[column];
            var value = cell.getAttribute("data-sort");
            return value === null ? cell.textContent.trim() : value;
          }
          function isNumber(text) { return text !== "" && isFinite(Number(text)); }
          function compare(x, y, direction) {
            if (x === "" || y === "") { return x === y ? 0 : (x === "" ? 1 : -1); }
            var nx = isNumber(x), ny = isNumber(y);
            if (nx !== ny) { return nx ? -1 : 1; }
            if (nx) { return direction * (Number(x) - Number(y)); }
            return direction * x.localeCompare(y, "en", { numeric: true });
          }
          Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
            var headers = table.tHead.rows[0].cells;
            Array.prototype.forEach.call(headers, function (header, column) {
              header.classList.add("sortable");
              header.addEventListener("click", function () {
                var direction = header.getAttribute("aria-sort") === "ascending" ? -1 : 1;
                Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
                header.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) { return compare(key(a, column), key(b, column), direction); });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
        })();

        """
}
