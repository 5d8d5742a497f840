#ifndef MARROW_CNCURSESW_SHIM_H
#define MARROW_CNCURSESW_SHIM_H
/* SwiftPM drops pkg-config's -D flags, so ask for the wide-character API here. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Swift 6 cannot read ncurses' mutable globals or expand its function-like
   macros: these accessors do it. Only static inline functions live here. */
static inline WINDOW *marrow_stdscr(void) { return stdscr; }
static inline int marrow_lines(void) { return LINES; }
static inline int marrow_cols(void) { return COLS; }
static inline int marrow_colors(void) { return COLORS; }
static inline int marrow_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t marrow_a_normal(void) { return A_NORMAL; }
static inline attr_t marrow_a_bold(void) { return A_BOLD; }
static inline attr_t marrow_a_underline(void) { return A_UNDERLINE; }
static inline attr_t marrow_a_reverse(void) { return A_REVERSE; }
static inline attr_t marrow_a_dim(void) { return A_DIM; }
static inline attr_t marrow_a_italic(void) { return A_ITALIC; }
static inline attr_t marrow_color_pair(int n) { return COLOR_PAIR(n); }
static inline int marrow_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int marrow_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int marrow_key_resize(void) { return KEY_RESIZE; }
static inline int marrow_err(void) { return ERR; }
static inline int marrow_ok(void) { return OK; }
static inline int marrow_key_code_yes(void) { return KEY_CODE_YES; }
/* newterm rather than initscr: an unknown TERM gives NULL instead of exiting. */
static inline SCREEN *marrow_newterm(void) { return newterm(NULL, stdout, stdin); }
/* The character set of the current locale ("UTF-8", "ANSI_X3.4-1968" …). */
static inline const char *marrow_codeset(void) { return nl_langinfo(CODESET); }
static inline WINDOW *marrow_curscr(void) { return curscr; }
/* Bytes written to the terminal that it has not read yet (-1 if not known). */
static inline int marrow_output_unread(void) {
#ifdef TIOCOUTQ
    int pending = 0;
    return ioctl(STDOUT_FILENO, TIOCOUTQ, &pending) == 0 ? pending : -1;
#else
    return -1;
#endif
}
/* The mouse: left presses and the wheel (buttons 4 and 5), each reported at
   once (no click interval, so a key right after a click never waits). */
static inline void marrow_mouse_on(void) {
    mmask_t old;
    mouseinterval(0);
#ifdef BUTTON5_PRESSED
    mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, &old);
#else
    mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED, &old);
#endif
}
static inline int marrow_key_mouse(void) { return KEY_MOUSE; }
/* The mouse event just read: 1 a left press, 2 wheel up, 3 wheel down, 0
   anything else; and its cell. */
static inline int marrow_get_mouse(int *row, int *column) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *row = event.y;
    *column = event.x;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 3;
#endif
    return 0;
}
/* The terminal's "clear screen" string when it has no alternate screen (no
   smcup: TERM=linux, ansi), else NULL: there the last screen stays after
   endwin. tigetstr gives NULL or (char *)-1 for a missing capability. */
static inline const char *marrow_clear_without_alternate_screen(void) {
    const char *enter = tigetstr("smcup");
    if (enter != NULL && enter != (const char *)-1 && enter[0] != '\0') return NULL;
    const char *clear = tigetstr("clear");
    if (clear == NULL || clear == (const char *)-1 || clear[0] == '\0') return NULL;
    return clear;
}
#endif
