/* The floor for "launch to first screen": a minimal ncurses program that starts,
 * draws one 80x24 screen ending in the same marker the benchmark waits for in
 * marrow's status line ("quit"), and waits for a key. Built by Benchmarks/run with
 * gcc -O2 ... -lncursesw. */
#include <curses.h>
#include <locale.h>

int main(void) {
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    start_color();
    use_default_colors();
    init_pair(1, COLOR_CYAN, -1);
    attron(A_BOLD | COLOR_PAIR(1));
    mvaddstr(0, 2, "Stem cell transplants for leukemia");
    attroff(A_BOLD | COLOR_PAIR(1));
    for (int row = 2; row < LINES - 2; row++)
        mvprintw(row, 4, "%2d  Lesson title number %-2d          new", row - 1, row - 1);
    attron(A_REVERSE);
    mvaddstr(LINES - 1, 0, " Enter open  t quiz  p progress  / search  q quit");
    attroff(A_REVERSE);
    refresh();
    getch();
    endwin();
    return 0;
}
