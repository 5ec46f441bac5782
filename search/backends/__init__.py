"""The two implementations of search.index.VacancyIndex."""
