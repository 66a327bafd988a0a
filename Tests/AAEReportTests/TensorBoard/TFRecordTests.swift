import AAEReport
import Foundation
import XCTest

final class TFRecordTests: XCTestCase {
    /// The record TensorBoard's Python `RecordWriter` writes for the event
    /// `Event(wall_time=1700000000.25, step=100, summary=Summary(value=[Value(tag="heldout_recon_mse", simple_value=0.0421)]))`.
    static let referenceScalarRecord = hex("""
        2700000000000000bbe1b1460900001040fc54d94110642a1a0a180a1168656c646f75745f72\
        65636f6e5f6d7365150d712c3dc5811fd3
        """)
    /// The record it writes for `Event(wall_time=1700000000.0, file_version="brain.Event:2")`.
    static let referenceVersionRecord = hex("""
        1800000000000000a37f4b220900000040fc54d9411a0d627261696e2e4576656e743a32eced8f9d
        """)

    static func hex(_ text: String) -> Data {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return Data(bytes)
    }

    func testFramingMatchesTensorBoardsRecordWriterByteForByte() throws {
        let reference = Self.referenceScalarRecord
        let payload = reference.subdata(in: 12..<reference.count - 4)
        XCTAssertEqual(TFRecord.frame(payload), reference)
    }

    func testRecordsReadBackInOrderAndATruncatedTailIsIgnored() throws {
        let first = Data("first".utf8), second = Data(repeating: 7, count: 300)
        var file = TFRecord.frame(first) + TFRecord.frame(second)
        XCTAssertEqual(try TFRecord.records(in: file), [first, second])
        file.append(TFRecord.frame(Data("third".utf8)).prefix(14))
        XCTAssertEqual(try TFRecord.records(in: file), [first, second])
        XCTAssertEqual(try TFRecord.records(in: Data()), [])
    }

    func testAFlippedByteIsReportedAsACorruptLengthOrData() throws {
        let record = TFRecord.frame(Data("payload".utf8))
        var badLength = record
        badLength[0] ^= 1
        XCTAssertThrowsError(try TFRecord.records(in: badLength)) {
            XCTAssertEqual($0 as? TFRecordError, .corruptLength(offset: 0))
        }
        var badData = record
        badData[13] ^= 1
        XCTAssertThrowsError(try TFRecord.records(in: badData)) {
            XCTAssertEqual($0 as? TFRecordError, .corruptData(offset: 0))
            XCTAssertEqual("\($0)", "the record at byte 0 has data that fails its CRC-32C")
        }
    }
}
