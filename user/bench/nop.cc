// nop: the smallest program: what spawn_bench spawns.
int main() { return 0; }
