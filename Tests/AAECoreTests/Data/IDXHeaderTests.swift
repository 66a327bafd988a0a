import AAECore
import Foundation
import XCTest

/// `IDXHeader`: the sizes of an IDX file from its first bytes, plain or gzip.
final class IDXHeaderTests: XCTestCase {
    private var fixtures: IDXFixtures!

    override func setUpWithError() throws {
        fixtures = try IDXFixtures()
    }

    override func tearDown() {
        fixtures.removeAll()
        super.tearDown()
    }

    func testImagesHeaderGivesCountRowsAndColumnsOfPlainAndGzipFiles() throws {
        let bytes = IDXFixtures.imagesBytes(count: 3, rows: 5, cols: 7,
                                            pixels: IDXFixtures.patternPixels(count: 3, rows: 5, cols: 7))
        let plain = try fixtures.writeRaw(bytes, named: "images")
        let gzip = try fixtures.writeGzip(bytes, named: "images.gz")
        XCTAssertEqual(try IDXHeader.readImages(plain).dimensions, [3, 5, 7])
        XCTAssertEqual(try IDXHeader.readImages(gzip).dimensions, [3, 5, 7])
        XCTAssertEqual(try IDXHeader.readImages(gzip).count, 3)
    }

    func testLabelsHeaderGivesTheCount() throws {
        let url = try fixtures.writeGzip(IDXFixtures.labelsBytes([1, 2, 3, 4]), named: "labels.gz")
        XCTAssertEqual(try IDXHeader.readLabels(url).dimensions, [4])
    }

    func testALabelsFileReadAsImagesIsAWrongMagicNumber() throws {
        let url = try fixtures.writeRaw(IDXFixtures.labelsBytes([1, 2, 3, 4, 5, 6, 7, 8, 9]), named: "labels")
        XCTAssertThrowsError(try IDXHeader.readImages(url)) { error in
            XCTAssertTrue("\(error)".contains("magic number 0x00000801, expected 0x00000803"), "\(error)")
        }
    }

    func testAShortFileAndAMissingFileAreErrors() throws {
        let short = try fixtures.writeRaw([0, 0, 8, 3, 0, 0], named: "short")
        XCTAssertThrowsError(try IDXHeader.readImages(short)) { error in
            XCTAssertTrue("\(error)".contains("too short for the 16-byte header"), "\(error)")
        }
        let missing = fixtures.directory.appendingPathComponent("absent")
        XCTAssertThrowsError(try IDXHeader.readLabels(missing)) { error in
            XCTAssertEqual(error as? DataError, .missingFile(path: missing.path))
        }
    }
}
