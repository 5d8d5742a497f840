/// Turns what curses reads into a `Key`. Pure: the curses key codes are fixed
/// numbers (ncurses' `curses.h`), repeated here so this file needs no curses.
package enum KeyDecoder {
    /// ncurses function-key codes (`KEY_DOWN` …), as `wget_wch` returns them with `KEY_CODE_YES`.
    package enum Code {
        package static let down: UInt32 = 0o402
        package static let up: UInt32 = 0o403
        package static let left: UInt32 = 0o404
        package static let right: UInt32 = 0o405
        package static let home: UInt32 = 0o406
        package static let backspace: UInt32 = 0o407
        package static let delete: UInt32 = 0o512
        package static let pageDown: UInt32 = 0o522
        package static let pageUp: UInt32 = 0o523
        package static let enter: UInt32 = 0o527
        package static let backTab: UInt32 = 0o541
        package static let end: UInt32 = 0o550
        package static let resize: UInt32 = 0o632
    }

    /// A function key (read with `KEY_CODE_YES`); nil for keys the app does not use.
    package static func decode(functionKey code: UInt32) -> Key? {
        switch code {
        case Code.down: .down
        case Code.up: .up
        case Code.left: .left
        case Code.right: .right
        case Code.home: .home
        case Code.end: .end
        case Code.backspace: .backspace
        case Code.delete: .delete
        case Code.pageDown: .pageDown
        case Code.pageUp: .pageUp
        case Code.enter: .enter
        case Code.backTab: .backTab
        default: nil
        }
    }

    /// A mouse event as the ncurses shim reports it (`marrow_get_mouse`: 1 a
    /// left press, 2 wheel up, 3 wheel down); nil for anything else.
    package static func decode(mouse code: Int32, row: Int32, column: Int32) -> Event? {
        let kind: Mouse.Kind
        switch code {
        case 1: kind = .click
        case 2: kind = .wheelUp
        case 3: kind = .wheelDown
        default: return nil
        }
        return .mouse(Mouse(kind, row: Int(row), column: Int(column)))
    }

    /// A character (read with `OK`): Enter, Esc, Backspace, Tab and Ctrl-letters
    /// arrive as control codes; everything else is text.
    package static func decode(character value: UInt32) -> Key? {
        switch value {
        case 13, 10: return .enter
        case 27: return .escape
        case 127, 8: return .backspace
        case 9: return .tab
        case 1...26:
            return .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 0..<32, 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
