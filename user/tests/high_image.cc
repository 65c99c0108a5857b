// A program linked into taskman's root slot (0xC000_0000, see BUILD): the
// kernel must refuse to load it, since no process but taskman may have
// anything there. It never runs.
int main() { return 0; }
