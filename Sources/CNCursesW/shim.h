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
