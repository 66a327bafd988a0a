import AAEReport
import Foundation
import XCTest

final class ContactSheetTests: XCTestCase {
    func testThumbnailsFillRowsOfCellsAndAnUnreadableFileLeavesItsCellEmpty() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let image = directory.appendingPathComponent("a.png")
        let source = Canvas(width: 80, height: 70, background: .black)
        try source.writePNG(to: image)
        let entries = (0..<7).map { ContactSheet.Entry(caption: "step \($0)", path: image.path) }
        let sheet = ContactSheet(entries: entries, title: "codes", columns: 3, cellWidth: 100, cellHeight: 90)
        let canvas = sheet.render()
        XCTAssertEqual(canvas.width, 3 * 100 + 16)
        XCTAssertEqual(canvas.height, 32 + 3 * (90 + 22) + 16)
        XCTAssertEqual(sheet.pngData(), sheet.pngData())
        let missing = ContactSheet(entries: [ContactSheet.Entry(caption: "step 1", path: directory.appendingPathComponent("none.png").path)])
        XCTAssertNotEqual(missing.pngData(), ContactSheet(entries: [entries[0]]).pngData(),
                          "a missing file draws no thumbnail")
    }
}
