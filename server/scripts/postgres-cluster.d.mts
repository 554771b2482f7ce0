export declare function findPostgresBinaries(): string | null;
export declare function startPostgresCluster(bindir: string): Promise<{ url: string; stop(): void }>;
