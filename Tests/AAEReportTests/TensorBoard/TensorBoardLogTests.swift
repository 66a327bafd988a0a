import AAEReport
import Foundation
import SwiftProtobuf
import XCTest

final class TensorBoardLogTests: XCTestCase {
    /// The events of the file at `url`, decoded.
    private func events(_ url: URL) throws -> [Tensorboard_Event] {
        try TFRecord.records(in: Data(contentsOf: url)).map { try Tensorboard_Event(serializedBytes: $0) }
    }

    func testAScalarFileIsTheBytesTensorBoardsWriterProduces() throws {
        let directory = try TemporaryDirectory()
        var times = [1_700_000_000.0, 1_700_000_000.25]
        let log = try TensorBoardLog(directory: directory.url, clock: { times.removeFirst() })
        try log.writeScalars(step: 100, [(tag: "heldout_recon_mse", value: 0.0421)])
        XCTAssertEqual(log.url.path, directory.url.path + "/tb/events.out.tfevents.aae-run")
        XCTAssertEqual(try Data(contentsOf: log.url),
                       TFRecordTests.referenceVersionRecord + TFRecordTests.referenceScalarRecord)
    }

    func testScalarsAndImagesReadBackWithTheirStepsTagsAndBytes() throws {
        let directory = try TemporaryDirectory()
        let png = directory.url.appendingPathComponent("latent_scatter.png")
        let canvas = Canvas(width: 30, height: 20)
        try canvas.writePNG(to: png)
        let log = try TensorBoardLog(directory: directory.url, clock: { 5 })
        try log.writeScalars(step: 40, [(tag: "d_loss", value: 0.5), (tag: "g_loss", value: .nan)])
        try log.writeImages(step: 120, [(tag: "figures/latent_scatter", png: png)])
        let read = try events(log.url)
        XCTAssertEqual(read.map(\.step), [0, 40, 120])
        XCTAssertEqual(read[0].fileVersion, "brain.Event:2")
        XCTAssertEqual(read[1].summary.value.map(\.tag), ["d_loss", "g_loss"])
        XCTAssertEqual(read[1].summary.value[0].simpleValue, 0.5)
        XCTAssertTrue(read[1].summary.value[1].simpleValue.isNaN)
        let image = read[2].summary.value[0]
        XCTAssertEqual(image.tag, "figures/latent_scatter")
        XCTAssertEqual(image.image.width, 30)
        XCTAssertEqual(image.image.height, 20)
        XCTAssertEqual(image.image.encodedImageString, canvas.pngData())
    }

    func testStartingTheLogAgainReplacesTheEarlierFile() throws {
        let directory = try TemporaryDirectory()
        try TensorBoardLog(directory: directory.url, clock: { 1 }).writeScalars(step: 1, [(tag: "a", value: 1)])
        let again = try TensorBoardLog(directory: directory.url, clock: { 2 })
        XCTAssertEqual(try events(again.url).map(\.step), [0])
    }

    func testAFigureThatIsNotAPNGIsRefusedWithItsPath() throws {
        let directory = try TemporaryDirectory()
        let text = directory.url.appendingPathComponent("notes.png")
        try Data("not a picture".utf8).write(to: text)
        let log = try TensorBoardLog(directory: directory.url, clock: { 1 })
        XCTAssertThrowsError(try log.writeImages(step: 1, [(tag: "figures/notes", png: text)])) {
            XCTAssertTrue("\($0)".contains("\(text.path) is not an RGB or grey PNG file"), "\($0)")
        }
    }
}
