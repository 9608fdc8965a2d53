// The Action's entry: only calls run(); run() holds the only top-level catch.
import { run } from './main.js';

void run();
