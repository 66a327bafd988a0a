import AAEReport
import Foundation
import XCTest

/// `SafetensorsFile`: the 8-byte little-endian header length, a compact JSON
/// header (metadata first, tensors by name, contiguous offsets) padded to a
/// multiple of 8, little-endian float32 data, and a round trip.
final class SafetensorsFileTests: XCTestCase {
    private let file = SafetensorsFile(
        entries: [.init(name: "decoder.dense_1.weight", shape: [2, 3], values: [1, 2, 3, 4, 5, 6]),
                  .init(name: "decoder.dense_1.bias", shape: [3], values: [-1, 0, 0.5]),
                  .init(name: "encoder.batch_normalization_1.running_mean", shape: [1], values: [0.25])],
        metadata: ["config": "name: \"x\"\nseed: 1\n", "format": "aae-run weights"])

    private func headerLength(_ bytes: [UInt8]) -> Int {
        bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    }

    func testHeaderIsCompactSortedJSONWithContiguousOffsets() {
        let bytes = file.encoded()
        let length = headerLength(bytes)
        let header = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
        XCTAssertEqual(header.trimmingCharacters(in: .whitespaces), """
            {"__metadata__":{"config":"name: \\"x\\"\\nseed: 1\\n","format":"aae-run weights"},\
            "decoder.dense_1.bias":{"dtype":"F32","shape":[3],"data_offsets":[0,12]},\
            "decoder.dense_1.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[12,36]},\
            "encoder.batch_normalization_1.running_mean":{"dtype":"F32","shape":[1],"data_offsets":[36,40]}}
            """)
        XCTAssertEqual(length % 8, 0, "the data starts 8-byte aligned")
        XCTAssertEqual(bytes.count, 8 + length + 40)
    }

    func testDataIsLittleEndianFloat32InNameOrder() {
        let bytes = file.encoded()
        let data = Array(bytes[(8 + headerLength(bytes))...])
        XCTAssertEqual(Array(data[0..<4]), [0x00, 0x00, 0x80, 0xBF], "bias[0] = -1 comes first")
        XCTAssertEqual(Array(data[12..<16]), [0x00, 0x00, 0x80, 0x3F], "then weight[0, 0] = 1")
    }

    func testTheOrderEntriesAreGivenInDoesNotChangeTheBytes() {
        let reversed = SafetensorsFile(entries: file.entries.reversed(), metadata: file.metadata)
        XCTAssertEqual(reversed.encoded(), file.encoded())
    }

    func testRoundTripKeepsNamesShapesValuesAndMetadata() throws {
        let decoded = try SafetensorsFile(decoding: file.encoded())
        XCTAssertEqual(decoded, file)
        XCTAssertEqual(decoded["decoder.dense_1.weight"]?.shape, [2, 3])
        let empty = try SafetensorsFile(decoding: SafetensorsFile(entries: []).encoded())
        XCTAssertEqual(empty.entries, [])
    }

    func testDamagedFilesAreRejectedWithTheReason() {
        let bytes = file.encoded()
        XCTAssertThrowsError(try SafetensorsFile(decoding: Array(bytes.dropLast(4)))) {
            XCTAssertTrue("\($0)".contains("do not fit"), "\($0)")
        }
        XCTAssertThrowsError(try SafetensorsFile(decoding: bytes + [0, 0, 0, 0])) {
            XCTAssertTrue("\($0)".contains("4 bytes follow"), "\($0)")
        }
        XCTAssertThrowsError(try SafetensorsFile(decoding: [200, 0, 0, 0, 0, 0, 0, 0] + Array("{}".utf8))) {
            XCTAssertTrue("\($0)".contains("header length"), "\($0)")
        }
    }
}
