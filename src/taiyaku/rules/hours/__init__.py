"""TM: times — hours, times, dates and weekdays agree across languages and with the calendar."""
