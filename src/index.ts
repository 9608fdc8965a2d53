// The Action's entry: only calls run(); run() holds the only top-level catch.
import { run } from './action/main.js';

void run();
